package dev.restow.azure.starter;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import dev.restow.config.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * Timer starter: on the CRON schedule in app setting {@code ECAL_MIGRATION_SCHEDULE}, migrates the recordings older
 * than {@code ECAL_MIGRATE_OLDER_THAN_DAYS} days (see {@link ScheduleSettings}) as a range selection
 * {@code ECAL_MIGRATE_SINCE .. tick date (UTC) - N - 1 day}.
 *
 * <p>Off by default: the app setting {@code AzureWebJobs.ScheduledEcalMigration.Disabled} is {@code true} in the
 * sample settings and the deployment guide; set it to {@code false} to turn the schedule on. A tick while the previous
 * scheduled run is still active starts nothing.
 */
public final class MigrationTimerStarter {

    /** Function name; the standard disable setting is {@code AzureWebJobs.<name>.Disabled}. */
    public static final String FUNCTION_NAME = "ScheduledEcalMigration";
    /** App setting holding the six-field CRON expression. */
    public static final String SCHEDULE_SETTING = "ECAL_MIGRATION_SCHEDULE";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationTimerStarter.class);

    private final Function<DurableTaskClient, MigrationStarterService> services;
    private final Env env;
    private final Clock clock;

    /** Used by the Functions host: wires the service and settings from the app settings. */
    public MigrationTimerStarter() {
        this(StarterWiring::service, Env.system(), Clock.systemUTC());
    }

    MigrationTimerStarter(Function<DurableTaskClient, MigrationStarterService> services, Env env, Clock clock) {
        this.services = Objects.requireNonNull(services, "services");
        this.env = Objects.requireNonNull(env, "env");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @FunctionName(FUNCTION_NAME)
    public void run(
            @TimerTrigger(name = "timer", schedule = "%" + SCHEDULE_SETTING + "%") String timerInfo,
            @DurableClientInput(name = "durableContext") DurableClientContext durableContext,
            ExecutionContext context) {
        ScheduleSettings settings = ScheduleSettings.fromEnv(env);
        LocalDate today = LocalDate.now(clock);
        StartResult result;
        try (DurableTaskClient client = durableContext.getClient()) {
            result = services.apply(client).startScheduled(today, settings);
        }
        String line = describe(result);
        LOG.info("Scheduled ECAL migration tick {}: {}", today, line);
        context.getLogger().info(line);
    }

    private static String describe(StartResult result) {
        if (result instanceof StartResult.Started s) {
            return (s.alreadyRunning() ? "previous run still active: " : "started ") + s.instanceId();
        }
        if (result instanceof StartResult.NothingToMigrate n) {
            return n.message();
        }
        return result.toString();
    }
}
