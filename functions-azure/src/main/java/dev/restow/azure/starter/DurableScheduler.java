package dev.restow.azure.starter;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import dev.restow.ecal.MigrationInput;

import java.util.Objects;

/** {@link OrchestrationScheduler} over durabletask's client, as the {@code durableClient} binding provides it. */
public final class DurableScheduler implements OrchestrationScheduler {

    private final DurableTaskClient client;

    public DurableScheduler(DurableTaskClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public InstanceState state(String instanceId) {
        OrchestrationMetadata metadata = client.getInstanceMetadata(instanceId, false);
        // durabletask-java#77: an unknown id may come back as a default (RUNNING) record; isInstanceFound tells
        if (metadata == null || !metadata.isInstanceFound()) {
            return InstanceState.NONE;
        }
        return switch (metadata.getRuntimeStatus()) {
            case RUNNING, PENDING, SUSPENDED, CONTINUED_AS_NEW -> InstanceState.ACTIVE;
            case COMPLETED, FAILED, CANCELED, TERMINATED -> InstanceState.FINISHED;
        };
    }

    @Override
    public void schedule(String orchestratorName, String instanceId, MigrationInput input) {
        client.scheduleNewOrchestrationInstance(orchestratorName,
                new NewOrchestrationInstanceOptions().setInstanceId(instanceId).setInput(input));
    }
}
