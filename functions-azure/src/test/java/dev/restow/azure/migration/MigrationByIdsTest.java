package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.restow.azure.durable.RunResult;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.db.MigrationLedger;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Acceptance, selection by ids, against Azurite (two accounts) and PostgreSQL: one recording of
 * 200+ blobs in nested directories (three of 3 MB) and a small one, migrated to the Cool tier by the
 * real orchestrators under durabletask's executor. One migration, one fact per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationByIdsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 2, 14);
    private static final String BIG_DIR = EcalWorld.directory(DAY, "session-a", "20250214T093000");
    private static final String SMALL_DIR = EcalWorld.directory(DAY, "session-b", "20250214T101500");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private EcalWorld world;
    private Map<String, String> sourceDigests;
    private RunResult run;
    private MigrationSummary summary;
    private String bigFile;
    private String smallFile;

    @BeforeAll
    void migrate() {
        world = new EcalWorld();
        bigFile = world.addRecording("big", DAY, "session-a", "20250214T093000",
                EcalWorld.nestedFiles(220, 3, 3 * 1024 * 1024, 7));
        smallFile = world.addRecording("small", DAY, "session-b", "20250214T101500",
                EcalWorld.nestedFiles(4, 0, 0, 11));
        sourceDigests = new TreeMap<>(EcalWorld.digests(world.hot, "recording/"));
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        // our code at DEBUG (the emulator's own access log, dev.restow.local, stays as configured)
        List<ch.qos.logback.classic.Logger> ours = List.of("dev.restow.ecal", "dev.restow.azure").stream()
                .map(n -> (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(n)).toList();
        logs.start();
        root.addAppender(logs);
        ours.forEach(l -> l.setLevel(Level.DEBUG));
        try {
            run = world.migrate("by-ids", MigrationInput.ofIds(List.of("big", "small"), "").withTier("Cool")
                    .withParallelism(2, 50));
        } finally {
            ours.forEach(l -> l.setLevel(null));
            root.detachAppender(logs);
        }
        summary = EcalWorld.summary(run);
    }

    @AfterAll
    void close() throws Exception {
        world.close();
    }

    @Test
    void migrate_should_reportBothRecordsMigrated_when_allCopiesVerify() {
        assertThat(summary.records()).extracting(RecordOutcome::ecalId, RecordOutcome::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("big", "converted"),
                        org.assertj.core.groups.Tuple.tuple("small", "converted"));
    }

    @Test
    void migrate_should_countEveryBlobAndByte_when_directoriesMoved() {
        assertThat(List.of(summary.blobs(), summary.bytes())).containsExactly((long) sourceDigests.size(),
                totalBytes());
    }

    @Test
    void migrate_should_writeIdenticalContent_when_copyingToCold() {
        Map<String, String> coldDigests = EcalWorld.digests(world.cold, "recording/");
        assertThat(coldDigests.equals(sourceDigests)).as("cold content equals source content (%d blobs, %d in cold)",
                sourceDigests.size(), coldDigests.size()).isTrue();
    }

    @Test
    void migrate_should_setRequestedTier_when_tierGiven() {
        assertThat(EcalWorld.tiers(world.cold, "recording/").values()).hasSize(sourceDigests.size())
                .containsOnly("Cool");
    }

    @Test
    void migrate_should_pointRowsAtColdUrls_when_copiesVerified() {
        assertThat(List.of(world.rowUrl("big"), world.rowUrl("small")))
                .containsExactly(world.coldUrl(bigFile), world.coldUrl(smallFile));
    }

    @Test
    void migrate_should_deleteSourceDirectories_when_rowsCommitted() {
        assertThat(EcalWorld.names(world.hot, "recording/")).isEmpty();
    }

    @Test
    void migrate_should_recordLedgerLine_when_recordMigrated() {
        MigrationLedger.Line line = world.ledger.lines("big").get(0);
        assertThat(List.of(line.instanceId(), line.oldUrl(), line.newUrl(), line.outcome(), line.blobs(),
                line.committedAt() != null, line.sourceDeletedAt() != null))
                .containsExactly("by-ids", world.sourceUrl(bigFile), world.coldUrl(bigFile), "converted",
                        (int) countUnder(BIG_DIR), true, true);
    }

    @Test
    void migrate_should_recordEveryDeletedBlobInLedger_when_sourceDeleted() {
        List<String> expected = sourceDigests.keySet().stream().filter(n -> n.startsWith(BIG_DIR)).sorted().toList();
        assertThat(world.ledger.deletedBlobs("big").equals(expected))
                .as("ledger lists the %d deleted blobs of the big record", expected.size()).isTrue();
    }

    @Test
    void migrate_should_reportProgressInCustomStatus_when_recordsFinish() {
        assertThat(run.customStatuses()).last().asString()
                .contains("\"phase\":\"done\"", "\"recordsDone\":2", "\"recordsTotal\":2");
    }

    @Test
    void migrate_should_copyEachBlobOnce_when_nothingFails() {
        assertThat(world.coldStore.copiesStarted()).hasSize(sourceDigests.size()).doesNotHaveDuplicates();
    }

    @Test
    void migrate_should_replayOrchestratorsThroughDurabletask_when_running() {
        assertThat(run.total().instances()).isEqualTo(3);
    }

    @Test
    void migrate_should_neverLogSasTokensOrKeys_when_running() {
        List<String> lines = logs.list.stream().filter(e -> !e.getLoggerName().startsWith("dev.restow.local"))
                .map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("sig=")
                || l.contains(world.azurite.accountKey("hotstore")) || l.contains(world.azurite.accountKey("coldstore")));
    }

    private long countUnder(String dir) {
        return sourceDigests.keySet().stream().filter(n -> n.startsWith(dir)).count();
    }

    private long totalBytes() {
        return 3L * 3 * 1024 * 1024 + EcalWorld.nestedFiles(220, 0, 0, 7).values().stream().mapToLong(b -> b.length)
                .sum() + EcalWorld.nestedFiles(4, 0, 0, 11).values().stream().mapToLong(b -> b.length).sum()
                + "measurement big".length() + "measurement small".length();
    }
}
