package dev.restow.azure.starter;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationStatusQuery;
import com.microsoft.durabletask.OrchestrationStatusQueryResult;
import com.microsoft.durabletask.PurgeInstanceCriteria;
import com.microsoft.durabletask.PurgeResult;
import dev.restow.ecal.MigrationInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DurableSchedulerTest {

    /** durabletask's client at its public surface: records schedule calls; knows no instance. */
    private static final class RecordingClient extends DurableTaskClient {
        record Call(String name, String instanceId, Object input) {
        }

        final List<Call> calls = new ArrayList<>();

        @Override
        public String scheduleNewOrchestrationInstance(String name, NewOrchestrationInstanceOptions options) {
            calls.add(new Call(name, options.getInstanceId(), options.getInput()));
            return options.getInstanceId();
        }

        @Override
        public OrchestrationMetadata getInstanceMetadata(String instanceId, boolean getInputsAndOutputs) {
            return null;
        }

        @Override
        public void raiseEvent(String instanceId, String eventName, Object eventPayload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationMetadata waitForInstanceStart(String id, Duration timeout, boolean io) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationMetadata waitForInstanceCompletion(String id, Duration timeout, boolean io) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void terminate(String instanceId, Object output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationStatusQueryResult queryInstances(OrchestrationStatusQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createTaskHub(boolean recreateIfExists) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteTaskHub() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurgeResult purgeInstance(String instanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurgeResult purgeInstances(PurgeInstanceCriteria criteria) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String restartInstance(String instanceId, boolean restartWithNewInstanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void suspendInstance(String instanceId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resumeInstance(String instanceId, String reason) {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingClient client = new RecordingClient();
    private final DurableScheduler scheduler = new DurableScheduler(client);

    @Test
    void schedule_shouldPassNameInstanceIdAndInput_toTheClient() {
        MigrationInput input = MigrationInput.ofDate(LocalDate.of(2025, 2, 14), "AbCdEfGhIjKlMnOpQrStUv");

        scheduler.schedule("EcalMigration", "ecal-x-delete", input);

        assertThat(client.calls).containsExactly(new RecordingClient.Call("EcalMigration", "ecal-x-delete", input));
    }

    @Test
    void state_shouldBeNone_whenTheHubKnowsNoSuchInstance() {
        assertThat(scheduler.state("ecal-unknown")).isEqualTo(OrchestrationScheduler.InstanceState.NONE);
    }
}
