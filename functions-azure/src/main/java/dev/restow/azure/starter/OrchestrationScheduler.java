package dev.restow.azure.starter;

import dev.restow.ecal.MigrationInput;

/**
 * Port: the part of the Durable Functions client the starters need. {@link DurableScheduler} adapts durabletask's
 * client; tests use a recording fake.
 */
public interface OrchestrationScheduler {

    /** What the task hub knows of an instance id. */
    enum InstanceState {
        /** No instance with that id. */
        NONE,
        /** Pending, running, suspended or continued-as-new: starting it again would run the work twice. */
        ACTIVE,
        /** Completed, failed or terminated: a new run may reuse the id. */
        FINISHED
    }

    /** The state of the instance {@code instanceId}. */
    InstanceState state(String instanceId);

    /** Schedules orchestrator {@code orchestratorName} as instance {@code instanceId} with {@code input}. */
    void schedule(String orchestratorName, String instanceId, MigrationInput input);
}
