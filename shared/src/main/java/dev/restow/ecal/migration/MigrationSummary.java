package dev.restow.ecal.migration;

import dev.restow.outcome.Status;
import java.util.List;

/**
 * The migration's result: counts per outcome, blobs and bytes moved, and every record's outcome
 * with its reason.
 *
 * @param instanceId   the orchestration instance
 * @param recordsTotal records the selection covered
 * @param migrated     {@code converted}
 * @param skipped      {@code skipped:*}
 * @param rejected     {@code rejected:*}
 * @param failed       {@code failed:*}
 * @param blobs        blobs in the migrated directories
 * @param bytes        bytes in the migrated directories
 * @param copied       copies started
 * @param reused       verified copies of earlier runs, not copied again
 * @param deleted      source blobs deleted
 * @param records      every record's outcome
 */
public record MigrationSummary(String instanceId, int recordsTotal, int migrated, int skipped, int rejected,
                               int failed, long blobs, long bytes, long copied, long reused, long deleted,
                               List<RecordOutcome> records) {
    public MigrationSummary {
        records = List.copyOf(records);
    }

    /** Tallies outcomes. */
    public static MigrationSummary of(String instanceId, int recordsTotal, List<RecordOutcome> records,
                                      long copied, long reused, long deleted) {
        int m = 0;
        int s = 0;
        int r = 0;
        int f = 0;
        long blobs = 0;
        long bytes = 0;
        for (RecordOutcome o : records) {
            Status st = o.result().status();
            switch (st) {
                case CONVERTED -> {
                    m++;
                    blobs += o.blobs();
                    bytes += o.bytes();
                }
                case SKIPPED -> s++;
                case REJECTED -> r++;
                case FAILED -> f++;
                default -> throw new IllegalStateException("unknown status " + st);
            }
        }
        return new MigrationSummary(instanceId, recordsTotal, m, s, r, f, blobs, bytes, copied, reused, deleted,
                records);
    }
}
