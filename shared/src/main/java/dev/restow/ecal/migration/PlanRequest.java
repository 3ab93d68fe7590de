package dev.restow.ecal.migration;

import dev.restow.ecal.MigrationInput;
import java.util.Objects;

/**
 * Input of the planning activity.
 *
 * @param instanceId the migration's instance id
 * @param input      the migration's input
 */
public record PlanRequest(String instanceId, MigrationInput input) {
    public PlanRequest {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(input, "input");
    }
}
