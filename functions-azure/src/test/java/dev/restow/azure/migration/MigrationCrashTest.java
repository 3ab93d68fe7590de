package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.db.MigrationLedger;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash right after the row update committed (the host dies before recording the activity's
 * completion): the row points at cold storage while the source directory still exists. A new run
 * re-verifies the copies (copies nothing) and finishes the deletion; resuming the same instance
 * does the same.
 */
class MigrationCrashTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 5);
    private static final String DIR = EcalWorld.directory(DAY, "s1", "t1");
    private final MigrationInput input = MigrationInput.ofDate(DAY, "");

    private EcalWorld world;
    private String meas;
    private RunResult crashed;

    @BeforeEach
    void crashAfterCommit() {
        world = new EcalWorld();
        meas = world.addRecording("rec", DAY, "s1", "t1", EcalWorld.nestedFiles(14, 0, 0, 9));
        crashed = world.migrate("crash-1", input, b -> b.haltWhen(call -> call.name().equals(ActivityNames.COMMIT)));
        world.coldStore.reset();
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void crash_should_leaveRowAtColdAndSourceInPlace_when_hostDiesAfterCommit() {
        assertThat(List.of(crashed.status(), world.rowUrl("rec"), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly(RunResult.Status.HALTED, world.coldUrl(meas), 15);
    }

    @Test
    void rerun_should_finishDeletion_when_rowAlreadyPointsAtCold() {
        RecordOutcome o = EcalWorld.summary(world.migrate("crash-2", input)).records().get(0);

        assertThat(List.of(o.outcome(), o.sourceDeleted(), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly("converted", true, 0);
    }

    @Test
    void rerun_should_copyNothing_when_copiesAreVerified() {
        world.migrate("crash-3", input);

        assertThat(world.coldStore.copiesStarted()).isEmpty();
    }

    @Test
    void rerun_should_recordDeletionInLedger_when_finishingDeletion() {
        world.migrate("crash-4", input);

        MigrationLedger.Line line = world.ledger.lines("rec").stream().filter(l -> l.instanceId().equals("crash-4"))
                .findFirst().orElseThrow();
        assertThat(List.of(line.outcome(), line.sourceDeletedAt() != null, world.ledger.deletedBlobs("rec").size()))
                .containsExactly("converted", true, 15);
    }

    @Test
    void rerun_should_skipAsAlreadyMigrated_when_sourceIsGone() {
        world.migrate("crash-5", input);

        RecordOutcome o = EcalWorld.summary(world.migrate("crash-6", input)).records().get(0);

        assertThat(o.outcome()).isEqualTo("skipped:already-migrated");
    }

    @Test
    void resume_should_finishSameInstance_when_hostRestarts() {
        AtomicBoolean crashOnce = new AtomicBoolean(true);
        try (InProcessDurableRunner runner = world.runner()
                .haltWhen(call -> call.name().equals(ActivityNames.COMMIT) && crashOnce.getAndSet(false))
                .build()) {
            RunResult halted = runner.run(MigrationOrchestrator.NAME, "crash-7", MigrationInput.ofIds(List.of("rec"), ""));
            // the first run's crash left the row at cold: this instance re-verifies, commits (no-op) and halts there
            RunResult resumed = runner.resume("crash-7");

            assertThat(List.of(halted.status(), resumed.status(), EcalWorld.names(world.hot, DIR).size()))
                    .containsExactly(RunResult.Status.HALTED, RunResult.Status.COMPLETED, 0);
        }
    }
}
