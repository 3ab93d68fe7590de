package dev.restow.media;

import dev.restow.outcome.Outcome;
import java.util.Objects;

/**
 * What became of one {@link ImageTask}.
 *
 * @param task            the task
 * @param outcome         the outcome, in the project's vocabulary
 * @param sourceKey       the object key the value names ({@code ""} when it could not be read)
 * @param targetKey       the WebP's key ({@code ""} when none was written or reused)
 * @param newValue        the value written to the row ({@code ""} unless converted)
 * @param format          the sniffed input format ({@code ""} when never read)
 * @param bytesIn         size of the original (0 when never looked at)
 * @param bytesOut        size of the WebP (0 when never encoded)
 * @param originalDeleted whether the original was deleted (only with deletion switched on)
 * @param detail          a human explanation for logs ({@code ""} when the outcome says it all)
 * @param decodeMillis    time the codec spent reading and decoding (0 when it never ran)
 * @param encodeMillis    time the codec spent encoding WebP (0 when it never encoded)
 */
public record ImageResult(ImageTask task, Outcome outcome, String sourceKey, String targetKey, String newValue,
                          String format, long bytesIn, long bytesOut, boolean originalDeleted, String detail,
                          long decodeMillis, long encodeMillis) {
    public ImageResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(outcome, "outcome");
        sourceKey = sourceKey == null ? "" : sourceKey;
        targetKey = targetKey == null ? "" : targetKey;
        newValue = newValue == null ? "" : newValue;
        format = format == null ? "" : format;
        detail = detail == null ? "" : detail;
    }

    /** Whether the message should be retried (returned as a batch item failure). */
    public boolean isRetryable() {
        return outcome.isRetryable();
    }
}
