package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Injected fault: one blob's copy fails (the proxy answers {@code x-ms-copy-status: failed}). The
 * record fails naming the blob; no row update, no deletion. After the fault clears, a re-run
 * completes without copying again any blob the first run copied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationCopyFailureTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 2);
    private static final String DIR = EcalWorld.directory(DAY, "s1", "t1");

    private EcalWorld world;
    private String meas;
    private String faulted;
    private RecordOutcome first;
    private String rowAfterFirst;
    private List<String> sourceAfterFirst;
    private List<String> copiedByFirst;
    private RecordOutcome second;
    private List<String> copiedBySecond;
    private int blobs;

    @BeforeAll
    void runTwice() {
        world = new EcalWorld();
        meas = world.addRecording("rec", DAY, "s1", "t1", EcalWorld.nestedFiles(29, 0, 0, 5));
        List<String> names = EcalWorld.names(world.hot, DIR);
        blobs = names.size();
        faulted = names.get(14); // in the second wave of 10
        world.proxy.inject(faulted, FaultProxy.Fault.FAIL);
        MigrationInput input = MigrationInput.ofIds(List.of("rec"), "").withParallelism(1, 10);

        first = EcalWorld.only((world.migrate("copy-fails-1", input)));
        rowAfterFirst = world.rowUrl("rec");
        sourceAfterFirst = EcalWorld.names(world.hot, DIR);
        copiedByFirst = world.coldStore.copiesStarted();

        world.proxy.clear();
        world.coldStore.reset();
        second = EcalWorld.only((world.migrate("copy-fails-2", input)));
        copiedBySecond = world.coldStore.copiesStarted();
    }

    @AfterAll
    void close() throws Exception {
        world.close();
    }

    @Test
    void migrate_should_failNamingBlobAndReason_when_oneCopyFails() {
        assertThat(List.of(first.outcome(), first.blob())).containsExactly("failed:copy-failed", faulted);
    }

    @Test
    void migrate_should_reportServiceDescription_when_oneCopyFails() {
        assertThat(first.detail()).contains("Copy failed when reading the source");
    }

    @Test
    void migrate_should_leaveRowUntouched_when_oneCopyFails() {
        assertThat(rowAfterFirst).isEqualTo(world.sourceUrl(meas));
    }

    @Test
    void migrate_should_deleteNothing_when_oneCopyFails() {
        assertThat(sourceAfterFirst).hasSize(blobs);
    }

    @Test
    void migrate_should_stopAfterFailedWave_when_oneCopyFails() {
        assertThat(copiedByFirst).hasSize(20);
    }

    @Test
    void rerun_should_migrate_when_faultCleared() {
        assertThat(List.of(second.outcome(), world.rowUrl("rec"))).containsExactly("converted", world.coldUrl(meas));
    }

    @Test
    void rerun_should_notCopyAgainWhatFirstRunCopied_when_faultCleared() {
        Set<String> reallyCopied = new HashSet<>(copiedByFirst);
        reallyCopied.remove(faulted);
        List<String> again = new ArrayList<>(copiedBySecond);
        again.retainAll(reallyCopied);
        assertThat(List.of(again, copiedBySecond.size())).containsExactly(List.of(), blobs - reallyCopied.size());
    }

    @Test
    void rerun_should_deleteSource_when_faultCleared() {
        assertThat(EcalWorld.names(world.hot, DIR)).isEmpty();
    }
}
