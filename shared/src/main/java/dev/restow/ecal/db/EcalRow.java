package dev.restow.ecal.db;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The columns of an {@code ecal} row the migration reads.
 *
 * @param ecalId             primary key
 * @param ecalName           URL of the {@code .ecalmeas} file (may be null in a bad row)
 * @param recordingStartTime when the recording started, or null
 * @param sizeGb             size in GB, or null
 */
public record EcalRow(String ecalId, String ecalName, LocalDateTime recordingStartTime, BigDecimal sizeGb) {
    public EcalRow {
        Objects.requireNonNull(ecalId, "ecalId");
    }
}
