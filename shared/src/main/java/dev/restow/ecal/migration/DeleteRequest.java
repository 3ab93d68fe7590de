package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Delete source blobs, each only while it still has its listed ETag.
 *
 * @param instanceId the migration's instance id (ledger)
 * @param container  the source container
 * @param directory  blob-name prefix ending in {@code /}
 * @param ecalIds    the unit's records (ledger)
 * @param blobs      blobs to delete with their ETags
 */
public record DeleteRequest(String instanceId, String container, String directory, List<String> ecalIds,
                            List<BlobEntry> blobs) {
    public DeleteRequest {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(directory, "directory");
        ecalIds = List.copyOf(ecalIds);
        blobs = List.copyOf(blobs);
    }
}
