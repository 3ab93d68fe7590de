package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance, selection by date and by range (inclusive on recording_start_time): only the
 * recordings of the selected days move; the others keep their rows and blobs.
 */
class MigrationByDateAndRangeTest {
    private static final LocalDate D13 = LocalDate.of(2025, 2, 13);
    private static final LocalDate D14 = LocalDate.of(2025, 2, 14);
    private static final LocalDate D15 = LocalDate.of(2025, 2, 15);
    private static final LocalDate D16 = LocalDate.of(2025, 2, 16);

    private EcalWorld world;
    private Map<String, String> files;

    @BeforeEach
    void recordings() {
        world = new EcalWorld();
        world.addRecording("r13", D13, "s1", "t0800", EcalWorld.nestedFiles(3, 0, 0, 13));
        world.addRecording("r14a", D14, "s1", "t0800", EcalWorld.nestedFiles(4, 0, 0, 141));
        world.addRecording("r14b", D14, "s2", "t1700", EcalWorld.nestedFiles(5, 1, 64 * 1024, 142));
        world.addRecording("r15", D15, "s1", "t0800", EcalWorld.nestedFiles(3, 0, 0, 15));
        world.addRecording("r16", D16, "s1", "t0800", EcalWorld.nestedFiles(3, 0, 0, 16));
        files = EcalWorld.digests(world.hot, "recording/");
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void migrate_should_moveOnlyThatDaysRecordings_when_selectedByDate() {
        MigrationSummary s = EcalWorld.summary(world.migrate("by-date", MigrationInput.ofDate(D14, "")));

        assertThat(s.records()).extracting(RecordOutcome::ecalId).containsExactlyInAnyOrder("r14a", "r14b");
    }

    @Test
    void migrate_should_leaveOtherDaysUntouched_when_selectedByDate() {
        world.migrate("by-date-others", MigrationInput.ofDate(D14, ""));

        assertThat(EcalWorld.names(world.hot, "recording/")).containsExactlyInAnyOrderElementsOf(
                files.keySet().stream().filter(n -> !n.startsWith("recording/" + D14)).toList());
    }

    @Test
    void migrate_should_copyThatDaysContentIdentically_when_selectedByDate() {
        world.migrate("by-date-content", MigrationInput.ofDate(D14, ""));

        Map<String, String> expected = new java.util.TreeMap<>(files);
        expected.keySet().removeIf(n -> !n.startsWith("recording/" + D14));
        assertThat(EcalWorld.digests(world.cold, "recording/")).isEqualTo(expected);
    }

    @Test
    void migrate_should_includeBothEnds_when_selectedByRange() {
        MigrationSummary s = EcalWorld.summary(world.migrate("by-range", MigrationInput.ofRange(D14, D15, "")));

        assertThat(s.records()).extracting(RecordOutcome::ecalId, RecordOutcome::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("r14a", "converted"),
                org.assertj.core.groups.Tuple.tuple("r14b", "converted"),
                org.assertj.core.groups.Tuple.tuple("r15", "converted"));
    }

    @Test
    void migrate_should_pointOnlyRangeRowsAtCold_when_selectedByRange() {
        world.migrate("by-range-rows", MigrationInput.ofRange(D14, D15, ""));

        assertThat(List.of(world.rowUrl("r13"), world.rowUrl("r14a"), world.rowUrl("r15"), world.rowUrl("r16")))
                .containsExactly(
                        world.sourceUrl(EcalWorld.directory(D13, "s1", "t0800") + "r13.ecalmeas"),
                        world.coldUrl(EcalWorld.directory(D14, "s1", "t0800") + "r14a.ecalmeas"),
                        world.coldUrl(EcalWorld.directory(D15, "s1", "t0800") + "r15.ecalmeas"),
                        world.sourceUrl(EcalWorld.directory(D16, "s1", "t0800") + "r16.ecalmeas"));
    }

    @Test
    void migrate_should_keepSources_when_deleteSourceIsOff() {
        world.migrate("keep", MigrationInput.ofDate(D15, "").withDeleteSource(false));

        assertThat(EcalWorld.names(world.hot, "recording/" + D15)).hasSize(4);
    }

    @Test
    void migrate_should_failEveryRecordAndMoveNothing_when_planTokenIsStale() {
        MigrationSummary s = EcalWorld.summary(world.migrate("stale", MigrationInput.ofDate(D14, "AAAAAAAAAAAAAAAAAAAAAA")));

        assertThat(List.of(s.failed(), s.migrated(), EcalWorld.names(world.cold, "recording/").size()))
                .containsExactly(2, 0, 0);
    }
}
