package dev.restow.azure.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOptions;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replay driver runs orchestrators through durabletask's real executor. */
class InProcessDurableRunnerTest {

    @Test
    void run_should_returnOrchestratorOutput_when_activitiesAreChained() {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Chain", ctx -> {
                    String a = ctx.callActivity("Upper", ctx.getInput(String.class), String.class).await();
                    return ctx.callActivity("Upper", a + "-x", String.class).await();
                })
                .activity("Upper", json -> json.replace("\"", "").toUpperCase())
                .build()) {

            RunResult r = runner.run("Chain", "chain-1", "abc");

            assertThat(r.output(String.class)).isEqualTo("ABC-X");
        }
    }

    @Test
    void run_should_replayOrchestratorOncePerEpisode_when_activitiesAreChained() {
        AtomicInteger executions = new AtomicInteger();
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Chain", ctx -> {
                    executions.incrementAndGet();
                    ctx.callActivity("Noop", null, String.class).await();
                    return ctx.callActivity("Noop", null, String.class).await();
                })
                .activity("Noop", json -> "ok")
                .build()) {

            RunResult r = runner.run("Chain", "chain-2", null);

            assertThat(List.of(r.episodes(), executions.get(), r.calls("Noop"))).containsExactly(3, 3, 2);
        }
    }

    @Test
    void run_should_fireTimerOnceAndAfterItsFireAt_when_orchestratorWaitsAnHour() {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Wait", ctx -> {
                    Instant before = ctx.getCurrentInstant();
                    ctx.createTimer(Duration.ofHours(1)).await();
                    return Duration.between(before, ctx.getCurrentInstant()).compareTo(Duration.ofHours(1)) > 0;
                })
                .clock(DurableClock.skipping())
                .build()) {

            RunResult r = runner.run("Wait", "wait-1", null);

            long timersCreated = runner.history("wait-1").stream().filter(HistoryEvent::hasTimerCreated).count();
            assertThat(List.of(r.output(Boolean.class), timersCreated, (long) r.episodes()))
                    .containsExactly(true, 1L, 2L);
        }
    }

    @Test
    void run_should_retryActivity_when_retryPolicyIsDeclared() {
        AtomicInteger calls = new AtomicInteger();
        TaskOptions retry = new TaskOptions(new RetryPolicy(3, Duration.ofSeconds(10)));
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Retry", ctx -> ctx.callActivity("Flaky", null, retry, String.class).await())
                .activity("Flaky", json -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("transient " + calls.get());
                    }
                    return "third time";
                })
                .build()) {

            RunResult r = runner.run("Retry", "retry-1", null);

            assertThat(List.of(r.output(String.class), r.calls("Flaky"))).containsExactly("third time", 3);
        }
    }

    @Test
    void run_should_surfaceTaskFailedException_when_activityFailsAfterItsRetries() {
        TaskOptions retry = new TaskOptions(new RetryPolicy(2, Duration.ofSeconds(1)));
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Fails", ctx -> {
                    try {
                        return ctx.callActivity("Broken", null, retry, String.class).await();
                    } catch (TaskFailedException e) {
                        return "caught: " + e.getErrorDetails().getErrorMessage();
                    }
                })
                .activity("Broken", json -> {
                    throw new IllegalStateException("disk on fire");
                })
                .build()) {

            RunResult r = runner.run("Fails", "fails-1", null);

            assertThat(r.output(String.class)).isEqualTo("caught: disk on fire");
        }
    }

    @Test
    void run_should_runSubOrchestrationsInParallel_when_parentAwaitsAllOfThem() {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Parent", ctx -> {
                    List<Task<String>> kids = List.of(
                            ctx.callSubOrchestrator("Child", "a", ctx.getInstanceId() + ":0", String.class),
                            ctx.callSubOrchestrator("Child", "b", ctx.getInstanceId() + ":1", String.class));
                    return String.join(",", ctx.allOf(kids).await());
                })
                .orchestrator("Child", ctx -> ctx.callActivity("Upper", ctx.getInput(String.class), String.class)
                        .await())
                .activity("Upper", json -> json.replace("\"", "").toUpperCase())
                .build()) {

            RunResult r = runner.run("Parent", "parent-1", null);

            assertThat(List.of(r.output(String.class), r.total().instances())).containsExactly("A,B", 3);
        }
    }

    @Test
    void run_should_failOrchestration_when_replayDoesNotMatchHistory() {
        AtomicInteger executions = new AtomicInteger();
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Fickle", ctx -> {
                    // two activities on the first execution, one on replays: what durabletask's replay check catches
                    if (executions.incrementAndGet() == 1) {
                        return String.join("", ctx.allOf(List.of(ctx.callActivity("A", null, String.class),
                                ctx.callActivity("A", null, String.class))).await());
                    }
                    return ctx.callActivity("A", null, String.class).await();
                })
                .activity("A", json -> "a")
                .build()) {

            RunResult r = runner.run("Fickle", "fickle-1", null);

            assertThat(r.failure()).contains("NonDeterministicOrchestratorException");
        }
    }

    @Test
    void resume_should_runHaltedActivityAgain_when_hostCrashedAfterIt() {
        AtomicInteger commits = new AtomicInteger();
        InProcessDurableRunner.Builder b = InProcessDurableRunner.builder()
                .orchestrator("Crash", ctx -> {
                    ctx.callActivity("Commit", null, String.class).await();
                    return ctx.callActivity("Delete", null, String.class).await();
                })
                .activity("Commit", json -> "committed " + commits.incrementAndGet())
                .activity("Delete", json -> "deleted")
                .haltWhen(call -> call.name().equals("Commit") && commits.get() == 1);
        try (InProcessDurableRunner runner = b.build()) {
            RunResult halted = runner.run("Crash", "crash-1", null);

            RunResult resumed = runner.resume("crash-1");

            assertThat(List.of(halted.status(), resumed.status(), resumed.output(String.class), commits.get()))
                    .containsExactly(RunResult.Status.HALTED, RunResult.Status.COMPLETED, "deleted", 2);
        }
    }

    @Test
    void resume_should_refuse_when_instanceIsNotHalted() {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("Done", ctx -> "done").build()) {
            runner.run("Done", "done-1", null);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.resume("done-1"));

            assertThat(e).hasMessage("instance done-1 is COMPLETED, not halted");
        }
    }

    @Test
    void run_should_measureHistory_when_orchestrationCompletes() {
        try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
                .orchestrator("One", ctx -> ctx.callActivity("Big", null, String.class).await())
                .activity("Big", json -> "x".repeat(10_000))
                .build()) {

            RunResult r = runner.run("One", "one-1", null);

            assertThat(r.history().largestEvent()).isGreaterThan(10_000);
        }
    }
}
