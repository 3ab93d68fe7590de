package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Write a unit's final outcomes to the ledger.
 *
 * @param instanceId the migration's instance id
 * @param outcomes   one per record
 */
public record FinishRequest(String instanceId, List<RecordOutcome> outcomes) {
    public FinishRequest {
        Objects.requireNonNull(instanceId, "instanceId");
        outcomes = List.copyOf(outcomes);
    }
}
