package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The source directory changes while a record migrates: a blob rewritten after the listing, or
 * after the row update, or a new blob appearing. Nothing is deleted, the record fails naming the
 * blob, and a re-run (the directory left alone) completes.
 */
class MigrationSourceChangeTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 4);
    private static final String DIR = EcalWorld.directory(DAY, "s1", "t1");

    private EcalWorld world;
    private String meas;
    private String victim;
    private final MigrationInput input = MigrationInput.ofIds(List.of("rec"), "").withParallelism(1, 5);

    @BeforeEach
    void recording() {
        world = new EcalWorld();
        meas = world.addRecording("rec", DAY, "s1", "t1", EcalWorld.nestedFiles(11, 0, 0, 8));
        victim = EcalWorld.names(world.hot, DIR).get(7);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    /** Runs once, doing {@code change} right after the first call of {@code activity}. */
    private RecordOutcome runChanging(String id, String activity, Runnable change) {
        AtomicBoolean done = new AtomicBoolean();
        MigrationSummary s = EcalWorld.summary(world.migrate(id, input, b -> b.afterActivity(call -> {
            if (call.name().equals(activity) && !call.instanceId().equals(id) && done.compareAndSet(false, true)) {
                change.run();
            }
        })));
        return s.records().get(0);
    }

    @Test
    void migrate_should_failNamingBlob_when_blobChangedAfterListing() {
        RecordOutcome o = runChanging("changed-1", ActivityNames.LIST_PAGE, () -> world.upload(victim, "new".getBytes()));

        assertThat(List.of(o.outcome(), o.blob())).containsExactly("failed:source-changed", victim);
    }

    @Test
    void migrate_should_leaveRowAndSource_when_blobChangedAfterListing() {
        runChanging("changed-2", ActivityNames.LIST_PAGE, () -> world.upload(victim, "new".getBytes()));

        assertThat(List.of(world.rowUrl("rec"), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly(world.sourceUrl(meas), 12);
    }

    @Test
    void rerun_should_migrateNewContent_when_blobChangedAfterListing() {
        runChanging("changed-3", ActivityNames.LIST_PAGE, () -> world.upload(victim, "new".getBytes()));
        Map<String, String> expected = EcalWorld.digests(world.hot, DIR);

        world.migrate("changed-3b", input);

        assertThat(EcalWorld.digests(world.cold, DIR)).isEqualTo(expected);
    }

    @Test
    void migrate_should_deleteNothing_when_blobChangedAfterRowUpdate() {
        RecordOutcome o = runChanging("late-1", ActivityNames.COMMIT, () -> world.upload(victim, "late".getBytes()));

        assertThat(List.of(o.outcome(), o.blob(), EcalWorld.names(world.hot, DIR).size(), world.rowUrl("rec")))
                .containsExactly("failed:source-changed", victim, 12, world.coldUrl(meas));
    }

    @Test
    void rerun_should_recopyChangedBlobAndDelete_when_blobChangedAfterRowUpdate() {
        runChanging("late-2", ActivityNames.COMMIT, () -> world.upload(victim, "late".getBytes()));
        Map<String, String> expected = EcalWorld.digests(world.hot, DIR);
        world.coldStore.reset();

        RecordOutcome o = EcalWorld.summary(world.migrate("late-2b", input)).records().get(0);

        assertThat(List.of(o.outcome(), world.coldStore.copiesStarted(), EcalWorld.digests(world.cold, DIR),
                EcalWorld.names(world.hot, DIR).size())).containsExactly("converted", List.of(victim), expected, 0);
    }

    @Test
    void migrate_should_deleteNothing_when_blobAppearsAfterRowUpdate() {
        String newcomer = DIR + "channels/late-arrival.bin";
        RecordOutcome o = runChanging("appear-1", ActivityNames.COMMIT, () -> world.upload(newcomer, "hi".getBytes()));

        assertThat(List.of(o.outcome(), o.blob(), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly("failed:blobs-appeared", newcomer, 13);
    }

    @Test
    void rerun_should_copyNewcomerAndDelete_when_blobAppearedAfterRowUpdate() {
        String newcomer = DIR + "channels/late-arrival.bin";
        runChanging("appear-2", ActivityNames.COMMIT, () -> world.upload(newcomer, "hi".getBytes()));
        world.coldStore.reset();

        RecordOutcome o = EcalWorld.summary(world.migrate("appear-2b", input)).records().get(0);

        assertThat(List.of(o.outcome(), world.coldStore.copiesStarted(), EcalWorld.names(world.hot, DIR).size()))
                .containsExactly("converted", List.of(newcomer), 0);
    }
}
