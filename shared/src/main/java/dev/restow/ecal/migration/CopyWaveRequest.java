package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Start (or find already done) the copies of one wave.
 *
 * @param container    the source container
 * @param directory    blob-name prefix ending in {@code /}
 * @param blobs        the wave's blobs as listed
 * @param tier         tier of the copies, "" for the account default
 * @param sasExpiresAt ISO instant at which the wave's read SAS expires (from the orchestration clock)
 */
public record CopyWaveRequest(String container, String directory, List<BlobEntry> blobs, String tier,
                              String sasExpiresAt) {
    public CopyWaveRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(directory, "directory");
        blobs = List.copyOf(blobs);
        tier = tier == null ? "" : tier;
        Objects.requireNonNull(sasExpiresAt, "sasExpiresAt");
    }
}
