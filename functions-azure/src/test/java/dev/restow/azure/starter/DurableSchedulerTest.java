package dev.restow.azure.starter;

import dev.restow.ecal.MigrationInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DurableSchedulerTest {

    private final HttpFakes.StubClient client = new HttpFakes.StubClient();
    private final DurableScheduler scheduler = new DurableScheduler(client);

    @Test
    void schedule_should_passNameInstanceIdAndInput_toTheClient() {
        MigrationInput input = MigrationInput.ofDate(LocalDate.of(2025, 2, 14), "AbCdEfGhIjKlMnOpQrStUv");

        scheduler.schedule("EcalMigration", "ecal-x-delete", input);

        assertThat(client.calls).containsExactly(new HttpFakes.StubClient.Call("EcalMigration", "ecal-x-delete", input));
    }

    @Test
    void state_should_beNone_when_theHubKnowsNoSuchInstance() {
        assertThat(scheduler.state("ecal-unknown")).isEqualTo(OrchestrationScheduler.InstanceState.NONE);
    }
}
