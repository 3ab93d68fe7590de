package dev.restow.azure.migration;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import dev.restow.azure.migration.internal.ActivityCalls;
import dev.restow.ecal.EcalReasons;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.MigrationPlan;
import dev.restow.ecal.migration.MigrationProgress;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.PlanRequest;
import dev.restow.ecal.migration.RecordOutcome;
import dev.restow.ecal.migration.RecordRef;
import dev.restow.ecal.migration.UnitPlan;
import dev.restow.ecal.migration.UnitResult;
import dev.restow.ecal.migration.UnitTask;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECAL cold-storage migration orchestration: finds the selected records (activity), migrates
 * each directory in a {@link RecordMigrationOrchestrator} sub-orchestration with at most
 * {@link MigrationInput#maxParallelRecords()} running at once, and ends with a
 * {@link MigrationSummary} (migrated, skipped, rejected, failed with reasons; blobs; bytes).
 *
 * <p>Deterministic: every setting comes from its {@link MigrationInput}; no I/O, clock or randomness
 * of its own (sub-orchestration ids derive from its instance id). Starters schedule it by
 * {@link #NAME}.
 */
public class MigrationOrchestrator {
    /** Orchestrator function name, as the HTTP and timer starters schedule it. */
    public static final String NAME = "EcalMigration";
    /**
     * Blobs per listing page of a directory: one page is one activity result in the history; 250
     * entries keep it near 30 KB, below the 45 KB at which Durable Functions' Azure Storage backend
     * moves a message to a blob.
     */
    static final int LIST_PAGE_SIZE = 250;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationOrchestrator.class);

    /** Created by the Functions host. */
    public MigrationOrchestrator() {
        // stateless: every run reads its input from the context
    }

    @FunctionName(NAME)
    public MigrationSummary run(@DurableOrchestrationTrigger(name = "ctx") TaskOrchestrationContext ctx) {
        MigrationInput input = ctx.getInput(MigrationInput.class);
        if (input == null) {
            throw new IllegalArgumentException(NAME + " needs a MigrationInput");
        }
        if (input.dryRun()) {
            throw new IllegalArgumentException("a dry run is answered by the starter and never orchestrated");
        }
        input.selection(); // fails the orchestration at once when the selection is malformed
        String id = ctx.getInstanceId();
        ctx.setCustomStatus(new MigrationProgress("planning", 0, 0, 0, 0, 0, 0));
        MigrationPlan plan = ActivityCalls.call(ctx, ActivityNames.PLAN, new PlanRequest(id, input),
                MigrationPlan.class);
        if (!ctx.getIsReplaying()) {
            LOG.info("instanceId={} selection {}: {} records, {} directories to migrate, {} settled", id,
                    input.selection().describe(), plan.recordsTotal(), plan.units().size(), plan.settled().size());
        }

        List<RecordOutcome> outcomes = new ArrayList<>(plan.settled());
        Tally tally = new Tally(plan.recordsTotal());
        plan.settled().forEach(tally::count);
        ctx.setCustomStatus(tally.progress("migrating"));

        Map<Task<UnitResult>, UnitPlan> running = new LinkedHashMap<>();
        int next = 0;
        while (next < plan.units().size() || !running.isEmpty()) {
            while (running.size() < input.maxParallelRecords() && next < plan.units().size()) {
                UnitPlan unit = plan.units().get(next++);
                UnitTask task = new UnitTask(id, unit, input.ecalTable(), input.deleteSource(), input.tier(),
                        input.copyDeadlineSeconds(), input.sasLifetime().toSeconds(), input.waveSize(),
                        LIST_PAGE_SIZE);
                running.put(ctx.callSubOrchestrator(RecordMigrationOrchestrator.NAME, task,
                        id + ":" + unit.index(), UnitResult.class), unit);
            }
            Task<?> done = ctx.anyOf(new ArrayList<Task<?>>(running.keySet())).await();
            UnitPlan unit = running.remove(done);
            UnitResult result;
            try {
                result = (UnitResult) done.await();
            } catch (TaskFailedException e) {
                result = failedUnit(unit, e);
            }
            outcomes.addAll(result.records());
            tally.add(result);
            ctx.setCustomStatus(tally.progress("migrating"));
        }

        MigrationSummary summary = MigrationSummary.of(id, plan.recordsTotal(), outcomes, tally.copied,
                tally.reused, tally.deleted);
        ctx.setCustomStatus(tally.progress("done"));
        if (!ctx.getIsReplaying()) {
            LOG.info("instanceId={} done: {} migrated, {} skipped, {} rejected, {} failed; {} blobs, {} bytes",
                    id, summary.migrated(), summary.skipped(), summary.rejected(), summary.failed(), summary.blobs(),
                    summary.bytes());
        }
        return summary;
    }

    private static UnitResult failedUnit(UnitPlan unit, TaskFailedException e) {
        List<RecordOutcome> records = new ArrayList<>();
        for (RecordRef r : unit.records()) {
            records.add(new RecordOutcome(r.ecalId(), Outcome.failed(EcalReasons.INTERNAL).toString(), "",
                    "the sub-orchestration failed: " + e.getErrorDetails().getErrorMessage(), r.sourceUrl(),
                    r.coldUrl(), 0, 0, false));
        }
        return new UnitResult(records, 0, 0, 0, 0, 0);
    }

    /** Running counts for the custom status and the summary. */
    private static final class Tally {
        final int total;
        int done;
        int failed;
        long blobsCopied;
        long blobsTotal;
        long bytes;
        long copied;
        long reused;
        long deleted;

        Tally(int total) {
            this.total = total;
        }

        void count(RecordOutcome o) {
            done++;
            if (o.result().is(Status.FAILED)) {
                failed++;
            }
        }

        void add(UnitResult r) {
            r.records().forEach(this::count);
            blobsTotal += r.blobs();
            if (r.records().stream().allMatch(o -> o.result().is(Status.CONVERTED))) {
                blobsCopied += r.blobs();
                bytes += r.bytes();
            }
            copied += r.copied();
            reused += r.reused();
            deleted += r.deleted();
        }

        MigrationProgress progress(String phase) {
            return new MigrationProgress(phase, done, total, blobsCopied, blobsTotal, bytes, failed);
        }
    }
}
