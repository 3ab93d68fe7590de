package dev.restow.ecal.migration;

import java.util.List;

/**
 * Custom status of one directory's sub-orchestration.
 *
 * @param records     the unit's record ids
 * @param phase       {@code listing}, {@code copying}, {@code committing}, {@code deleting} or {@code done}
 * @param blobsCopied blobs verified in cold storage
 * @param blobsTotal  blobs listed
 * @param bytesCopied bytes verified
 * @param bytesTotal  bytes listed
 */
public record UnitProgress(List<String> records, String phase, int blobsCopied, int blobsTotal, long bytesCopied,
                           long bytesTotal) {
    public UnitProgress {
        records = List.copyOf(records);
    }
}
