package dev.restow.azure.migration;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import dev.restow.azure.migration.internal.ActivityCalls;
import dev.restow.ecal.EcalReasons;
import dev.restow.ecal.migration.BlobEntry;
import dev.restow.ecal.migration.BlobFailure;
import dev.restow.ecal.migration.CommitRequest;
import dev.restow.ecal.migration.CommitResult;
import dev.restow.ecal.migration.CopyCheckRequest;
import dev.restow.ecal.migration.CopyRules;
import dev.restow.ecal.migration.CopyTicket;
import dev.restow.ecal.migration.CopyWaveRequest;
import dev.restow.ecal.migration.CopyWaveResult;
import dev.restow.ecal.migration.DeleteRequest;
import dev.restow.ecal.migration.DeleteResult;
import dev.restow.ecal.migration.FinishRequest;
import dev.restow.ecal.migration.ListPage;
import dev.restow.ecal.migration.ListRequest;
import dev.restow.ecal.migration.RecordOutcome;
import dev.restow.ecal.migration.RecordRef;
import dev.restow.ecal.migration.UnitPlan;
import dev.restow.ecal.migration.UnitProgress;
import dev.restow.ecal.migration.UnitResult;
import dev.restow.ecal.migration.UnitTask;
import dev.restow.ecal.migration.VerifyRequest;
import dev.restow.ecal.migration.VerifyResult;
import dev.restow.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates one directory (one record, or several selected records sharing it): lists it in pages,
 * copies it in waves (a read-only SAS per wave that outlives the wave's deadline), polls pending
 * copies on durable timers with backoff until each is terminal or its deadline passes (then
 * aborts it), verifies every copy and sets its tier, points the row(s) at cold storage in one
 * transaction, and only then — when asked to and nothing failed — lists again and deletes each
 * source blob with If-Match on its listed ETag.
 *
 * <p>Any failure before the commit leaves source and row untouched and names the blob and reason.
 * A re-run reuses verified copies of earlier runs (no second copy) and, for a row already pointing
 * at cold storage, re-verifies and finishes the deletion. Deterministic: settings from its
 * {@link UnitTask}, time from the orchestration clock.
 */
public class RecordMigrationOrchestrator {
    /** Orchestrator function name. */
    public static final String NAME = "EcalMigrateRecord";
    /** Source blobs deleted per activity call. */
    static final int DELETE_BATCH = 250;

    private static final Logger LOG = LoggerFactory.getLogger(RecordMigrationOrchestrator.class);

    /** Created by the Functions host. */
    public RecordMigrationOrchestrator() {
        // stateless
    }

    @FunctionName(NAME)
    public UnitResult run(@DurableOrchestrationTrigger(name = "ctx") TaskOrchestrationContext ctx) {
        UnitTask task = ctx.getInput(UnitTask.class);
        if (task == null) {
            throw new IllegalArgumentException(NAME + " needs a UnitTask");
        }
        return new Run(ctx, task).execute();
    }

    /** One execution (episode) of the orchestrator; rebuilt from history on every replay. */
    private static final class Run {
        private final TaskOrchestrationContext ctx;
        private final UnitTask task;
        private final UnitPlan unit;
        private final List<String> ids;
        private int blobsTotal;
        private long bytesTotal;
        private int blobsVerified;
        private long bytesVerified;
        private int copied;
        private int reused;
        private int deleted;

        Run(TaskOrchestrationContext ctx, UnitTask task) {
            this.ctx = ctx;
            this.task = task;
            this.unit = task.unit();
            this.ids = unit.records().stream().map(RecordRef::ecalId).toList();
        }

        UnitResult execute() {
            String step = ActivityNames.LIST_PAGE;
            try {
                status("listing");
                List<BlobEntry> blobs = listAll();
                blobsTotal = blobs.size();
                bytesTotal = blobs.stream().mapToLong(BlobEntry::length).sum();
                if (blobs.isEmpty()) {
                    if (unit.records().stream().allMatch(RecordRef::atCold)) {
                        return settle(Outcome.skipped(EcalReasons.ALREADY_MIGRATED), "",
                                "the row points at cold storage and the source directory is gone", false);
                    }
                    return settle(Outcome.rejected(EcalReasons.NOT_FOUND), "",
                            "the source directory " + unit.directory() + " is empty", false);
                }
                Map<String, BlobEntry> byPath = new LinkedHashMap<>();
                blobs.forEach(b -> byPath.put(b.path(), b));
                for (int i = 0; i < unit.records().size(); i++) {
                    if (!unit.records().get(i).atCold() && !byPath.containsKey(unit.fileNames().get(i))) {
                        return settle(Outcome.rejected(EcalReasons.NOT_FOUND),
                                unit.directory() + unit.fileNames().get(i), "record " + ids.get(i)
                                        + "'s file is not in its source directory", false);
                    }
                }

                step = ActivityNames.START_COPIES;
                status("copying");
                for (int from = 0; from < blobs.size(); from += task.waveSize()) {
                    BlobFailure failure = copyWave(blobs.subList(from, Math.min(blobs.size(), from + task.waveSize())));
                    if (failure != null) {
                        return settle(Outcome.failed(failure.reason()), unit.directory() + failure.path(),
                                failure.detail() + "; source and row left untouched", false);
                    }
                }

                step = ActivityNames.COMMIT;
                status("committing");
                CommitResult commit = ActivityCalls.call(ctx, ActivityNames.COMMIT, new CommitRequest(
                        task.parentInstanceId(), task.ecalTable(), unit.records(), blobsTotal, bytesTotal),
                        CommitResult.class);
                if (!commit.committed()) {
                    return settle(Outcome.failed(EcalReasons.ROW_CHANGED), "", commit.detail()
                            + "; nothing committed, source left untouched (cold copies stay for a re-run)", false);
                }
                if (!task.deleteSource()) {
                    return settle(Outcome.converted(), "", "copied and verified; the source is kept (deleteSource off)",
                            false);
                }

                step = ActivityNames.DELETE_SOURCE;
                status("deleting");
                List<BlobEntry> again = listAll();
                Map<String, BlobEntry> now = new HashMap<>();
                again.forEach(b -> now.put(b.path(), b));
                for (BlobEntry b : again) {
                    if (!byPath.containsKey(b.path())) {
                        return settle(Outcome.failed(EcalReasons.BLOBS_APPEARED), unit.directory() + b.path(),
                                "a blob appeared in the directory after it was listed; nothing deleted (the row"
                                        + " points at cold storage; a re-run copies the newcomers and deletes)", false);
                    }
                }
                for (BlobEntry b : blobs) {
                    BlobEntry current = now.get(b.path());
                    if (current != null && !CopyRules.sameEtag(current.etag(), b.etag())) {
                        return settle(Outcome.failed(EcalReasons.SOURCE_CHANGED), unit.directory() + b.path(),
                                "the blob changed after it was copied (ETag " + current.etag() + ", copied "
                                        + b.etag() + "); nothing deleted", false);
                    }
                }
                List<BlobEntry> toDelete = blobs.stream().filter(b -> now.containsKey(b.path())).toList();
                for (int from = 0; from < toDelete.size(); from += DELETE_BATCH) {
                    DeleteResult r = ActivityCalls.call(ctx, ActivityNames.DELETE_SOURCE, new DeleteRequest(
                            task.parentInstanceId(), unit.sourceContainer(), unit.directory(), ids,
                            toDelete.subList(from, Math.min(toDelete.size(), from + DELETE_BATCH))), DeleteResult.class);
                    deleted += r.deleted();
                    if (!r.failures().isEmpty()) {
                        BlobFailure f = r.failures().get(0);
                        return settle(Outcome.failed(f.reason()), unit.directory() + f.path(), f.detail()
                                + " (" + r.failures().size() + " blobs kept; the row points at cold storage)", false);
                    }
                }
                return settle(Outcome.converted(), "", "migrated; " + blobsTotal + " source blobs deleted", true);
            } catch (TaskFailedException e) {
                String reason = ActivityNames.COMMIT.equals(e.getTaskName()) ? EcalReasons.DATABASE_UNAVAILABLE
                        : EcalReasons.STORAGE_UNAVAILABLE;
                return settle(Outcome.failed(reason), "", "activity " + e.getTaskName() + " failed after retries ("
                        + step + "): " + e.getErrorDetails().getErrorMessage(), false);
            }
        }

        /** Lists the whole directory, page by page (one activity per page: no giant history payload). */
        private List<BlobEntry> listAll() {
            List<BlobEntry> all = new ArrayList<>();
            String continuation = null;
            do {
                ListPage page = ActivityCalls.call(ctx, ActivityNames.LIST_PAGE, new ListRequest(
                        unit.sourceContainer(), unit.directory(), continuation, task.pageSize()), ListPage.class);
                all.addAll(page.blobs());
                continuation = page.continuation();
            } while (continuation != null);
            return all;
        }

        /** Copies, polls, verifies one wave; returns its first failure, or null. */
        private BlobFailure copyWave(List<BlobEntry> wave) {
            Instant start = ctx.getCurrentInstant();
            Instant deadline = start.plus(task.copyDeadline());
            Instant sasExpiry = start.plus(task.sasLifetime());
            CopyWaveResult started = ActivityCalls.call(ctx, ActivityNames.START_COPIES, new CopyWaveRequest(
                    unit.sourceContainer(), unit.directory(), wave, task.tier(), sasExpiry.toString()),
                    CopyWaveResult.class);
            Map<String, CopyTicket> tickets = new LinkedHashMap<>();
            for (CopyTicket t : started.tickets()) {
                tickets.put(t.path(), t);
                if (t.reused()) {
                    reused++;
                } else if (!t.copyId().isEmpty()) {
                    copied++;
                }
            }
            List<CopyTicket> pending = filter(tickets, CopyTicket.PENDING);
            int polls = 0;
            while (!pending.isEmpty() && failures(tickets).isEmpty()) {
                Instant now = ctx.getCurrentInstant();
                if (!now.isBefore(deadline)) {
                    log("{} copies still pending at their deadline {}: aborting", pending.size(), deadline);
                    CopyWaveResult aborted = ActivityCalls.call(ctx, ActivityNames.ABORT_COPIES,
                            new CopyCheckRequest(unit.directory(), pending), CopyWaveResult.class);
                    aborted.tickets().forEach(t -> tickets.put(t.path(), t));
                    break;
                }
                Instant wake = now.plus(CopyRules.pollDelay(polls++));
                ctx.createTimer(Duration.between(now, wake.isBefore(deadline) ? wake : deadline)).await();
                CopyWaveResult polled = ActivityCalls.call(ctx, ActivityNames.COPY_STATUS,
                        new CopyCheckRequest(unit.directory(), pending), CopyWaveResult.class);
                polled.tickets().forEach(t -> tickets.put(t.path(), t));
                pending = filter(tickets, CopyTicket.PENDING);
            }
            List<CopyTicket> failed = failures(tickets);
            if (!failed.isEmpty()) {
                pending = filter(tickets, CopyTicket.PENDING);
                if (!pending.isEmpty()) {
                    ActivityCalls.call(ctx, ActivityNames.ABORT_COPIES, new CopyCheckRequest(unit.directory(), pending),
                            CopyWaveResult.class);
                }
                CopyTicket first = failed.get(0);
                log("copy of blob={} {}: {} ({} failures in this wave)", unit.directory() + first.path(),
                        first.status(), first.detail(), failed.size());
                return new BlobFailure(first.path(), first.reason().isEmpty() ? EcalReasons.COPY_FAILED
                        : first.reason(), first.detail());
            }
            List<VerifyRequest.Item> items = new ArrayList<>(wave.size());
            for (BlobEntry b : wave) {
                items.add(new VerifyRequest.Item(b, tickets.get(b.path()).copyId()));
            }
            VerifyResult verified = ActivityCalls.call(ctx, ActivityNames.VERIFY, new VerifyRequest(
                    unit.sourceContainer(), unit.directory(), items, task.tier()), VerifyResult.class);
            if (!verified.failures().isEmpty()) {
                BlobFailure f = verified.failures().get(0);
                log("blob={} failed verification: {} ({} failures in this wave)", unit.directory() + f.path(),
                        f.detail(), verified.failures().size());
                return f;
            }
            blobsVerified += verified.verified();
            bytesVerified += verified.bytes();
            status("copying");
            return null;
        }

        private static List<CopyTicket> filter(Map<String, CopyTicket> tickets, String status) {
            return tickets.values().stream().filter(t -> t.status().equals(status)).toList();
        }

        private static List<CopyTicket> failures(Map<String, CopyTicket> tickets) {
            return tickets.values().stream()
                    .filter(t -> t.status().equals(CopyTicket.FAILED) || t.status().equals(CopyTicket.ABORTED))
                    .toList();
        }

        /** Ends the unit: one outcome per record, written to the ledger (best effort), as the result. */
        private UnitResult settle(Outcome outcome, String blob, String detail, boolean sourceDeleted) {
            List<RecordOutcome> records = new ArrayList<>();
            for (RecordRef r : unit.records()) {
                records.add(new RecordOutcome(r.ecalId(), outcome.toString(), blob, detail, r.sourceUrl(), r.coldUrl(),
                        blobsTotal, bytesTotal, sourceDeleted));
            }
            status("done");
            log("directory={} records {} -> {} {}{}", unit.directory(), ids, outcome,
                    blob.isEmpty() ? "" : "blob=" + blob + " ", detail);
            try {
                ActivityCalls.call(ctx, ActivityNames.FINISH, new FinishRequest(task.parentInstanceId(), records),
                        String.class);
            } catch (TaskFailedException e) {
                log("ledger outcome of {} not written: {}", ids, e.getErrorDetails().getErrorMessage());
            }
            return new UnitResult(records, blobsTotal, bytesTotal, copied, reused, deleted);
        }

        private void status(String phase) {
            ctx.setCustomStatus(new UnitProgress(ids, phase, blobsVerified, blobsTotal, bytesVerified, bytesTotal));
        }

        private void log(String format, Object... args) {
            if (!ctx.getIsReplaying()) {
                Object[] all = new Object[args.length + 1];
                all[0] = ctx.getInstanceId();
                System.arraycopy(args, 0, all, 1, args.length);
                LOG.info("instanceId={} " + format, all);
            }
        }
    }
}
