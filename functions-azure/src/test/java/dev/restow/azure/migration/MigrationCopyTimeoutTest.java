package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Injected fault: one copy stays {@code pending}. The orchestrator polls it on durable timers with
 * backoff until its deadline (from the orchestration clock; the skipping clock makes an hour pass
 * at once), aborts it, and deletes nothing. After the fault clears, a re-run completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationCopyTimeoutTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 3);
    private static final String DIR = EcalWorld.directory(DAY, "s1", "t1");

    private EcalWorld world;
    private String meas;
    private String stuck;
    private RecordOutcome first;
    private List<HistoryEvent> subHistory;
    private String rowAfterFirst;
    private int sourceAfterFirst;
    private RecordOutcome second;
    private int blobs;

    @BeforeAll
    void runTwice() {
        world = new EcalWorld();
        meas = world.addRecording("rec", DAY, "s1", "t1", EcalWorld.nestedFiles(9, 0, 0, 6));
        List<String> names = EcalWorld.names(world.hot, DIR);
        blobs = names.size();
        stuck = names.get(3);
        world.proxy.inject(stuck, FaultProxy.Fault.PENDING);
        MigrationInput input = MigrationInput.ofIds(List.of("rec"), "").withCopyDeadline(Duration.ofHours(1));

        try (InProcessDurableRunner runner = world.runner().build()) {
            RunResult r = runner.run(MigrationOrchestrator.NAME, "pending-1", input);
            first = EcalWorld.only((r));
            subHistory = runner.history("pending-1:0");
        }
        rowAfterFirst = world.rowUrl("rec");
        sourceAfterFirst = EcalWorld.names(world.hot, DIR).size();

        world.proxy.clear();
        second = EcalWorld.only((world.migrate("pending-2", input)));
    }

    @AfterAll
    void close() throws Exception {
        world.close();
    }

    @Test
    void migrate_should_failAsTimeoutNamingBlob_when_copyStaysPendingPastDeadline() {
        assertThat(List.of(first.outcome(), first.blob())).containsExactly("failed:copy-timeout", stuck);
    }

    @Test
    void migrate_should_abortCopy_when_pastDeadline() {
        assertThat(world.proxy.aborted()).containsExactly(stuck);
    }

    @Test
    void migrate_should_pollOnDurableTimersWithBackoff_when_copyPending() {
        List<Long> waits = subHistory.stream().filter(HistoryEvent::hasTimerCreated)
                .map(e -> e.getTimerCreated().getFireAt().getSeconds() - e.getTimestamp().getSeconds()).toList();
        assertThat(waits).hasSizeBetween(8, 70).startsWith(2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void migrate_should_leaveRowUntouched_when_copyTimesOut() {
        assertThat(rowAfterFirst).isEqualTo(world.sourceUrl(meas));
    }

    @Test
    void migrate_should_deleteNothing_when_copyTimesOut() {
        assertThat(sourceAfterFirst).isEqualTo(blobs);
    }

    @Test
    void rerun_should_migrate_when_faultCleared() {
        assertThat(List.of(second.outcome(), world.rowUrl("rec"), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly("converted", world.coldUrl(meas), 0);
    }
}
