package dev.restow.azure.starter;

import dev.restow.azure.migration.MigrationOrchestrator;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.selection.BadRequestException;
import dev.restow.ecal.selection.MigrationRequest;
import dev.restow.ecal.selection.PlanToken;
import dev.restow.ecal.selection.Preview;
import dev.restow.ecal.selection.RecordFinder;
import dev.restow.ecal.selection.RecordSummary;
import dev.restow.ecal.selection.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What both starters do, without the Functions host: decode a request, find its records, preview or check the plan,
 * and schedule the {@value MigrationOrchestrator#NAME} orchestration at most once per plan.
 *
 * <p>Instance ids are derived from the plan ({@code ecal-<plan>-<delete|keep>[-<tier>]}), so posting the same
 * approved request twice finds the first run active and starts nothing new. A finished instance with the same id
 * (failed, terminated) is replaced by a new run, which resumes the work (the per-record steps are idempotent).
 * Scheduled runs use the single id {@value #SCHEDULED_INSTANCE_ID}: a timer tick while the previous scheduled run is
 * still active starts nothing.
 */
public final class MigrationStarterService {

    /** Instance id of every timer-started run. */
    public static final String SCHEDULED_INSTANCE_ID = "ecal-scheduled-migration";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationStarterService.class);

    private final RecordFinder finder;
    private final OrchestrationScheduler scheduler;
    private final RunDefaults defaults;

    /**
     * @param finder    finds the records of a selection
     * @param scheduler the task hub
     * @param defaults  the deployment's option defaults and orchestration settings
     */
    public MigrationStarterService(RecordFinder finder, OrchestrationScheduler scheduler, RunDefaults defaults) {
        this.finder = Objects.requireNonNull(finder, "finder");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** Handles a request body as posted to {@code POST /api/ecal-migrations}. */
    public StartResult start(String body) {
        MigrationRequest request;
        try {
            request = MigrationRequest.parse(body, defaults.deleteSource(), defaults.tier());
        } catch (BadRequestException e) {
            LOG.info("Rejected migration request: {}", e.getMessage());
            return new StartResult.Rejected(e.getMessage());
        }
        return start(request);
    }

    /** Handles a decoded request. */
    public StartResult start(MigrationRequest request) {
        Selection selection = request.selection();
        List<RecordSummary> records = finder.find(selection);
        if (request.dryRun()) {
            Preview preview = Preview.of(request, records);
            LOG.info("Dry run for {}: {} records, {} GB, plan {}", selection.describe(), preview.recordCount(),
                    preview.totalSizeGb(), preview.plan());
            return new StartResult.Previewed(preview);
        }
        PlanToken plan = PlanToken.of(selection, records);
        if (!plan.matches(request.plan())) {
            LOG.info("Stale plan {} for {}: the records now give {}", request.plan(), selection.describe(), plan);
            return new StartResult.StalePlan("plan " + request.plan() + " is stale: the recordings of "
                    + selection.describe() + " changed since its dry run (now " + records.size()
                    + " recordings); run the dry run again, review it, and send its plan");
        }
        if (records.isEmpty()) {
            return new StartResult.NothingToMigrate("no recordings match " + selection.describe()
                    + "; nothing was started");
        }
        String instanceId = instanceId(plan, request.deleteSource(), request.tier());
        return startOnce(instanceId, input(selection, plan, request.deleteSource(), request.tier()),
                selection, records.size());
    }

    /**
     * A timer tick: migrates the recordings of {@code schedule}'s window as of {@code today}, unless the previous
     * scheduled run is still active.
     */
    public StartResult startScheduled(LocalDate today, ScheduleSettings schedule) {
        if (scheduler.state(SCHEDULED_INSTANCE_ID) == OrchestrationScheduler.InstanceState.ACTIVE) {
            LOG.info("Scheduled migration {} is still running; this tick starts nothing", SCHEDULED_INSTANCE_ID);
            return new StartResult.Started(SCHEDULED_INSTANCE_ID, true);
        }
        LocalDate to = schedule.lastDay(today);
        if (to.isBefore(schedule.since())) {
            return new StartResult.NothingToMigrate("no recording day is older than " + schedule.olderThanDays()
                    + " days and on or after " + schedule.since() + "; nothing was started");
        }
        Selection selection = new Selection.Between(schedule.since(), to);
        List<RecordSummary> records = finder.find(selection);
        if (records.isEmpty()) {
            LOG.info("Scheduled migration: no recordings in {}", selection.describe());
            return new StartResult.NothingToMigrate("no recordings match " + selection.describe()
                    + "; nothing was started");
        }
        PlanToken plan = PlanToken.of(selection, records);
        return startOnce(SCHEDULED_INSTANCE_ID, input(selection, plan, defaults.deleteSource(), defaults.tier()),
                selection, records.size());
    }

    /** The instance id of an approved run: one per plan and options. */
    static String instanceId(PlanToken plan, boolean deleteSource, String tier) {
        return "ecal-" + plan.value() + (deleteSource ? "-delete" : "-keep")
                + (tier.isEmpty() ? "" : "-" + tier.toLowerCase(Locale.ROOT));
    }

    private StartResult startOnce(String instanceId, MigrationInput input, Selection selection, int records) {
        if (scheduler.state(instanceId) == OrchestrationScheduler.InstanceState.ACTIVE) {
            LOG.info("Migration {} for {} is already running; starting nothing", instanceId, selection.describe());
            return new StartResult.Started(instanceId, true);
        }
        scheduler.schedule(MigrationOrchestrator.NAME, instanceId, input);
        LOG.info("Started migration {} for {} ({} records, deleteSource={}, tier='{}')", instanceId,
                selection.describe(), records, input.deleteSource(), input.tier());
        return new StartResult.Started(instanceId, false);
    }

    private MigrationInput input(Selection selection, PlanToken plan, boolean deleteSource, String tier) {
        MigrationInput tuned = defaults.tuning().apply(MigrationInput.of(selection, plan.value()));
        // the request's own choices (already defaulted from the deployment) win over whatever tuning set
        return tuned.withDeleteSource(deleteSource).withTier(tier);
    }
}
