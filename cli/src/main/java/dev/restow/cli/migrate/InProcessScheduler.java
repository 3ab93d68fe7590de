package dev.restow.cli.migrate;

import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.azure.starter.OrchestrationScheduler;
import dev.restow.ecal.MigrationInput;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The starters' task hub, in this process: scheduling an orchestration runs it to its end right away through
 * durabletask's executor ({@link InProcessDurableRunner}), and remembers how it ended.
 */
final class InProcessScheduler implements OrchestrationScheduler {

    private final InProcessDurableRunner runner;
    private final Map<String, RunResult> results = new ConcurrentHashMap<>();

    InProcessScheduler(InProcessDurableRunner runner) {
        this.runner = runner;
    }

    @Override
    public InstanceState state(String instanceId) {
        return results.containsKey(instanceId) ? InstanceState.FINISHED : InstanceState.NONE;
    }

    @Override
    public void schedule(String orchestratorName, String instanceId, MigrationInput input) {
        results.put(instanceId, runner.run(orchestratorName, instanceId, input));
    }

    Optional<RunResult> result(String instanceId) {
        return Optional.ofNullable(results.get(instanceId));
    }
}
