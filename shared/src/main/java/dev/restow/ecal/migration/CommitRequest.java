package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Point a unit's rows at cold storage, in one transaction, with their ledger lines.
 *
 * @param instanceId the migration's instance id
 * @param ecalTable  the table
 * @param records    the unit's records
 * @param blobs      blobs in the directory
 * @param bytes      bytes in the directory
 */
public record CommitRequest(String instanceId, String ecalTable, List<RecordRef> records, int blobs, long bytes) {
    public CommitRequest {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(ecalTable, "ecalTable");
        records = List.copyOf(records);
    }
}
