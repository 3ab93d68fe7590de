package dev.restow.ecal.selection;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One ECAL recording as the preview and the plan token see it.
 *
 * @param ecalId             the record's id
 * @param sourceUrl          the blob URL the database currently points at
 * @param destinationUrl     where the migration will put it in cold storage
 * @param sizeGb             size in GB as recorded in the database (may be null if unknown)
 * @param recordingStartTime when the recording started (may be null if unknown)
 */
public record RecordSummary(String ecalId, String sourceUrl, String destinationUrl, BigDecimal sizeGb,
                            LocalDateTime recordingStartTime) {
    public RecordSummary {
        Objects.requireNonNull(ecalId, "ecalId");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(destinationUrl, "destinationUrl");
    }
}
