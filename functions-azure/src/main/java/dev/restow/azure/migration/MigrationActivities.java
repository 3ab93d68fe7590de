package dev.restow.azure.migration;

import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.migration.internal.Payloads;
import dev.restow.ecal.migration.CommitRequest;
import dev.restow.ecal.migration.CopyCheckRequest;
import dev.restow.ecal.migration.CopyWaveRequest;
import dev.restow.ecal.migration.DeleteRequest;
import dev.restow.ecal.migration.FinishRequest;
import dev.restow.ecal.migration.ListRequest;
import dev.restow.ecal.migration.MigrationSteps;
import dev.restow.ecal.migration.PlanRequest;
import dev.restow.ecal.migration.VerifyRequest;
import java.util.Objects;

/**
 * The migration's activities as JSON in, JSON out: what the {@code @DurableActivityTrigger}
 * functions ({@link MigrationActivityFunctions}) and the in-process runner both call. The work is
 * {@link MigrationSteps}'.
 */
public final class MigrationActivities {
    private final MigrationSteps steps;

    public MigrationActivities(MigrationSteps steps) {
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    public MigrationSteps steps() {
        return steps;
    }

    public String plan(String json) {
        return Payloads.write(steps.plan(Payloads.read(json, PlanRequest.class)));
    }

    public String listPage(String json) {
        return Payloads.write(steps.list(Payloads.read(json, ListRequest.class)));
    }

    public String startCopies(String json) {
        return Payloads.write(steps.startCopies(Payloads.read(json, CopyWaveRequest.class)));
    }

    public String copyStatus(String json) {
        return Payloads.write(steps.copyStatus(Payloads.read(json, CopyCheckRequest.class)));
    }

    public String abortCopies(String json) {
        return Payloads.write(steps.abortCopies(Payloads.read(json, CopyCheckRequest.class)));
    }

    public String verify(String json) {
        return Payloads.write(steps.verify(Payloads.read(json, VerifyRequest.class)));
    }

    public String commit(String json) {
        return Payloads.write(steps.commit(Payloads.read(json, CommitRequest.class)));
    }

    public String deleteSource(String json) {
        return Payloads.write(steps.delete(Payloads.read(json, DeleteRequest.class)));
    }

    public String finish(String json) {
        return Payloads.write(steps.finish(Payloads.read(json, FinishRequest.class)));
    }

    /**
     * Registers both orchestrators and every activity with an in-process runner (the CLI's
     * {@code migrate}, the tests and the benchmark).
     */
    public InProcessDurableRunner.Builder registerWith(InProcessDurableRunner.Builder runner) {
        MigrationOrchestrator migration = new MigrationOrchestrator();
        RecordMigrationOrchestrator record = new RecordMigrationOrchestrator();
        return runner
                .orchestrator(MigrationOrchestrator.NAME, migration::run)
                .orchestrator(RecordMigrationOrchestrator.NAME, record::run)
                .activity(ActivityNames.PLAN, this::plan)
                .activity(ActivityNames.LIST_PAGE, this::listPage)
                .activity(ActivityNames.START_COPIES, this::startCopies)
                .activity(ActivityNames.COPY_STATUS, this::copyStatus)
                .activity(ActivityNames.ABORT_COPIES, this::abortCopies)
                .activity(ActivityNames.VERIFY, this::verify)
                .activity(ActivityNames.COMMIT, this::commit)
                .activity(ActivityNames.DELETE_SOURCE, this::deleteSource)
                .activity(ActivityNames.FINISH, this::finish);
    }
}
