package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Records that cannot be migrated are rejected with their reason and exact message, and left alone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationRejectionTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private EcalWorld world;
    private MigrationSummary summary;
    private String otherContainerUrl;

    @BeforeAll
    void migrate() {
        world = new EcalWorld();
        world.addRecording("good", DAY, "s1", "t1", EcalWorld.nestedFiles(2, 0, 0, 1));
        // two records in one directory, only one of them selected
        world.addRecording("twin-a", DAY, "s2", "t1", EcalWorld.nestedFiles(2, 0, 0, 2));
        String twinB = EcalWorld.directory(DAY, "s2", "t1") + "twin-b.ecalmeas";
        world.upload(twinB, "b".getBytes());
        world.insertRow("twin-b", world.sourceUrl(twinB), DAY.atTime(10, 0));
        otherContainerUrl = world.azurite.blobEndpoint("hotstore") + "/elsewhere/recording/" + DAY + "/s/t/x.ecalmeas";
        world.insertRow("foreign", otherContainerUrl, DAY.atTime(11, 0));
        world.insertRow("flat", world.sourceUrl("recording/" + DAY + "/flat.ecalmeas"), DAY.atTime(12, 0));
        // two records in one directory, both selected: they move together
        world.addRecording("pair-a", DAY, "s3", "t1", EcalWorld.nestedFiles(2, 0, 0, 3));
        String pairB = EcalWorld.directory(DAY, "s3", "t1") + "pair-b.ecalmeas";
        world.upload(pairB, "b".getBytes());
        world.insertRow("pair-b", world.sourceUrl(pairB), DAY.atTime(13, 0));
        summary = EcalWorld.summary(world.migrate("rejections",
                MigrationInput.ofIds(List.of("good", "twin-a", "foreign", "flat", "ghost", "pair-a", "pair-b"), "")));
    }

    @AfterAll
    void close() throws Exception {
        world.close();
    }

    private RecordOutcome outcome(String id) {
        return summary.records().stream().filter(r -> r.ecalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void migrate_should_migrateGoodRecord_when_othersAreRejected() {
        assertThat(outcome("good").outcome()).isEqualTo("converted");
    }

    @Test
    void migrate_should_rejectRecord_when_itsDirectoryHoldsAnUnselectedRecordsFile() {
        assertThat(List.of(outcome("twin-a").outcome(), outcome("twin-a").detail())).containsExactly(
                "rejected:shared-directory", "directory " + world.sourceUrl(EcalWorld.directory(DAY, "s2", "t1"))
                        + " also holds the file of record twin-b, which is not selected");
    }

    @Test
    void migrate_should_leaveSharedDirectoryInPlace_when_recordRejected() {
        assertThat(EcalWorld.names(world.hot, EcalWorld.directory(DAY, "s2", "t1"))).hasSize(4);
    }

    @Test
    void migrate_should_rejectRecord_when_urlIsInAnotherContainer() {
        assertThat(List.of(outcome("foreign").outcome(), outcome("foreign").detail())).containsExactly(
                "rejected:foreign-container", "ecal_name '" + otherContainerUrl
                        + "' is not in the source container '" + world.sourceContainer + "'");
    }

    @Test
    void migrate_should_rejectRecord_when_pathHasNotTheRecordingShape() {
        assertThat(List.of(outcome("flat").outcome(), outcome("flat").detail())).containsExactly("rejected:bad-path",
                "ecal_name '" + world.sourceUrl("recording/" + DAY + "/flat.ecalmeas")
                        + "' does not have the path recording/YYYY-MM-DD/<session>/<timestamp_dir>/<file>.ecalmeas");
    }

    @Test
    void migrate_should_rejectId_when_noRowHasIt() {
        assertThat(List.of(outcome("ghost").outcome(), outcome("ghost").detail()))
                .containsExactly("rejected:not-found", "no row of ecal has ecal_id 'ghost'");
    }

    @Test
    void migrate_should_moveSharedDirectoryOnce_when_allItsRecordsAreSelected() {
        assertThat(List.of(outcome("pair-a").outcome(), outcome("pair-b").outcome(), world.rowUrl("pair-b"),
                EcalWorld.names(world.hot, EcalWorld.directory(DAY, "s3", "t1")).size())).containsExactly("converted",
                "converted", world.coldUrl(EcalWorld.directory(DAY, "s3", "t1") + "pair-b.ecalmeas"), 0);
    }

    @Test
    void migrate_should_countEveryOutcome_when_summarising() {
        assertThat(List.of(summary.recordsTotal(), summary.migrated(), summary.rejected()))
                .containsExactly(7, 3, 4);
    }
}
