package dev.restow.azure.starter;

import dev.restow.config.EcalConfig;
import dev.restow.ecal.MigrationInput;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The deployment's defaults for a run: {@code deleteSource} and {@code tier} when a request (or the timer) does not
 * say, and the orchestration settings every input gets (deadlines, parallelism, table).
 *
 * @param deleteSource default for {@code deleteSource}
 * @param tier         default tier, {@code ""} for the cold account's default
 * @param tuning       applies the orchestration settings to an input
 */
public record RunDefaults(boolean deleteSource, String tier, UnaryOperator<MigrationInput> tuning) {

    public RunDefaults {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(tuning, "tuning");
    }

    /** deleteSource on, the account's tier, {@link MigrationInput}'s own defaults. */
    public static RunDefaults standard() {
        return new RunDefaults(true, "", UnaryOperator.identity());
    }

    /** From the app settings ({@code ECAL_DELETE_SOURCE}, {@code ECAL_TIER}, {@code ECAL_COPY_DEADLINE_SECONDS}...). */
    public static RunDefaults of(EcalConfig config) {
        return new RunDefaults(config.deleteSource(), config.tier(), config::tune);
    }
}
