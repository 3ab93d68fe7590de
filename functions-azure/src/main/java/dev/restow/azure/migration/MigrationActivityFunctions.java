package dev.restow.azure.migration;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The migration's activity functions for the Functions host. Each takes its input as the raw JSON
 * text the worker hands a {@code String} trigger parameter and returns JSON text (no Gson binding of
 * records: the worker's Gson cannot build them); the work is {@link MigrationActivities}'.
 */
public class MigrationActivityFunctions {
    private final Supplier<MigrationActivities> activities;

    /** Used by the Functions host: wires the activities from the app settings on first use. */
    public MigrationActivityFunctions() {
        this(() -> AzureMigrationRuntime.shared().activities());
    }

    MigrationActivityFunctions(Supplier<MigrationActivities> activities) {
        this.activities = Objects.requireNonNull(activities, "activities");
    }

    @FunctionName(ActivityNames.PLAN)
    public String plan(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().plan(input);
    }

    @FunctionName(ActivityNames.LIST_PAGE)
    public String listPage(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().listPage(input);
    }

    @FunctionName(ActivityNames.START_COPIES)
    public String startCopies(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().startCopies(input);
    }

    @FunctionName(ActivityNames.COPY_STATUS)
    public String copyStatus(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().copyStatus(input);
    }

    @FunctionName(ActivityNames.ABORT_COPIES)
    public String abortCopies(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().abortCopies(input);
    }

    @FunctionName(ActivityNames.VERIFY)
    public String verify(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().verify(input);
    }

    @FunctionName(ActivityNames.COMMIT)
    public String commit(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().commit(input);
    }

    @FunctionName(ActivityNames.DELETE_SOURCE)
    public String deleteSource(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().deleteSource(input);
    }

    @FunctionName(ActivityNames.FINISH)
    public String finish(@DurableActivityTrigger(name = "input") String input, ExecutionContext context) {
        return activities.get().finish(input);
    }
}
