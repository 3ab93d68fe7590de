package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.migration.BlobEntry;
import dev.restow.ecal.migration.CommitRequest;
import dev.restow.ecal.migration.CopyTicket;
import dev.restow.ecal.migration.CopyWaveRequest;
import dev.restow.ecal.migration.DeleteRequest;
import dev.restow.ecal.migration.DeleteResult;
import dev.restow.ecal.migration.ListRequest;
import dev.restow.ecal.migration.RecordRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activities run twice (a host retry, or a replay after a crash) build on their own earlier work. */
class MigrationStepsTwiceTest {
    private static final LocalDate DAY = LocalDate.of(2025, 5, 6);
    private static final String DIR = EcalWorld.directory(DAY, "s1", "t1");

    private EcalWorld world;
    private String meas;
    private List<BlobEntry> blobs;
    private CopyWaveRequest wave;

    @BeforeEach
    void recording() {
        world = new EcalWorld();
        meas = world.addRecording("rec", DAY, "s1", "t1", EcalWorld.nestedFiles(5, 0, 0, 3));
        blobs = world.steps.list(new ListRequest(world.sourceContainer, DIR, null, 100)).blobs();
        wave = new CopyWaveRequest(world.sourceContainer, DIR, blobs, "",
                Instant.now().plus(2, ChronoUnit.HOURS).toString());
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void startCopies_should_reuseFinishedCopies_when_runAgain() {
        world.steps.startCopies(wave);
        world.coldStore.reset();

        List<CopyTicket> again = world.steps.startCopies(wave).tickets();

        assertThat(List.of(world.coldStore.copiesStarted().size(), again.stream().allMatch(CopyTicket::reused)))
                .containsExactly(0, true);
    }

    @Test
    void commit_should_succeedAgain_when_rowAlreadyMoved() {
        CommitRequest commit = new CommitRequest("twice", "ecal", List.of(new RecordRef("rec", world.sourceUrl(meas),
                world.coldUrl(meas), false)), blobs.size(), 100);
        world.steps.commit(commit);

        assertThat(List.of(world.steps.commit(commit).committed(), world.ledger.lines("rec").size()))
                .containsExactly(true, 1);
    }

    @Test
    void delete_should_countAlreadyDeletedBlobsAsGone_when_runAgain() {
        DeleteRequest delete = new DeleteRequest("twice", world.sourceContainer, DIR, List.of("rec"), blobs);
        world.steps.delete(delete);

        DeleteResult again = world.steps.delete(delete);

        assertThat(List.of(again.deleted(), again.alreadyGone(), again.failures().size(),
                world.ledger.deletedBlobs("rec").size())).containsExactly(0, blobs.size(), 0, blobs.size());
    }
}
