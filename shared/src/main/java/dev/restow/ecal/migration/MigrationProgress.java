package dev.restow.ecal.migration;

/**
 * Custom status of the migration orchestration (shown by the portal and Durable Functions Monitor).
 *
 * @param phase        {@code planning}, {@code migrating} or {@code done}
 * @param recordsDone  records with an outcome
 * @param recordsTotal records in the selection
 * @param blobsCopied  blobs verified in cold storage so far (finished directories)
 * @param blobsTotal   blobs in the directories listed so far
 * @param bytesCopied  bytes verified so far
 * @param failed       records failed so far
 */
public record MigrationProgress(String phase, int recordsDone, int recordsTotal, long blobsCopied, long blobsTotal,
                                long bytesCopied, int failed) {
}
