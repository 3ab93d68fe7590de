package dev.restow.ecal.migration;

import java.util.List;

/**
 * How one directory's sub-orchestration ended.
 *
 * @param records     one outcome per record of the unit
 * @param blobs       blobs in the directory
 * @param bytes       bytes in the directory
 * @param copied      copies started by this run
 * @param reused      verified copies of an earlier run, not copied again
 * @param deleted     source blobs deleted
 */
public record UnitResult(List<RecordOutcome> records, int blobs, long bytes, int copied, int reused, int deleted) {
    public UnitResult {
        records = List.copyOf(records);
    }
}
