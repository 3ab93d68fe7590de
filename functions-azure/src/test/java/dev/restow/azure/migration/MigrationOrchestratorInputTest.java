package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.ecal.MigrationInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orchestrator refuses inputs it must not act on before calling any activity. */
class MigrationOrchestratorInputTest {

    private static RunResult run(MigrationInput input) {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator(MigrationOrchestrator.NAME, new MigrationOrchestrator()::run).build()) {
            return runner.run(MigrationOrchestrator.NAME, "input-check", input);
        }
    }

    @Test
    void run_should_fail_when_inputIsADryRun() {
        MigrationInput dry = new MigrationInput(List.of("a"), null, null, null, "", true, true, "", 0, 0, 0, 0, "");

        assertThat(run(dry).failure()).isEqualTo("java.lang.IllegalArgumentException: a dry run is answered by the"
                + " starter and never orchestrated");
    }

    @Test
    void run_should_fail_when_inputHasTwoSelectors() {
        MigrationInput two = new MigrationInput(List.of("a"), "2025-02-14", null, null, "", false, true, "", 0, 0, 0,
                0, "");

        assertThat(run(two).failure()).isEqualTo("java.lang.IllegalArgumentException: a migration input needs"
                + " exactly one of ecalIds, date, from/to");
    }

    @Test
    void run_should_fail_when_inputIsMissing() {
        assertThat(run(null).failure()).isEqualTo("java.lang.IllegalArgumentException: EcalMigration needs a"
                + " MigrationInput");
    }
}
