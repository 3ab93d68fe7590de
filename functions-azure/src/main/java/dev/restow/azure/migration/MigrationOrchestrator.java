package dev.restow.azure.migration;

/**
 * The ECAL cold-storage migration orchestration. Starters schedule it by {@link #NAME} with a
 * {@link dev.restow.ecal.MigrationInput} as input. (Implementation follows.)
 */
public final class MigrationOrchestrator {
    /** Orchestrator function name, as scheduled by the HTTP and timer starters. */
    public static final String NAME = "EcalMigration";

    private MigrationOrchestrator() {
    }
}
