package dev.restow.ecal.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.db.SqlIdentifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationLedgerTest {
    private EcalDb db;
    private MigrationLedger ledger;
    private EcalRepository repo;
    private final MigrationLedger.Entry entry = new MigrationLedger.Entry("a", "inst-1", "old-a", "new-a", 3, 300);

    @BeforeEach
    void ledger() {
        db = new EcalDb();
        ledger = new MigrationLedger(db.dataSource, SqlIdentifier.of("ecal_migration_ledger"), Duration.ofSeconds(10));
        repo = new EcalRepository(db.dataSource, SqlIdentifier.of("ecal"), Duration.ofSeconds(10));
        db.row("a", "old-a", null);
    }

    @Test
    void recordCommitted_should_writeLineInTheRowUpdatesTransaction_when_moveCommits() {
        repo.move(List.of(new EcalRepository.Move("a", "old-a", "new-a")), c -> ledger.recordCommitted(c, List.of(entry)));

        MigrationLedger.Line line = ledger.lines("a").get(0);
        assertThat(List.of(line.outcome(), line.blobs(), line.bytes(), line.committedAt() != null))
                .containsExactly("committed", 3, 300L, true);
    }

    @Test
    void recordCommitted_should_writeNothing_when_moveRollsBack() {
        db.exec("UPDATE ecal SET ecal_name = 'changed'");

        repo.move(List.of(new EcalRepository.Move("a", "old-a", "new-a")), c -> ledger.recordCommitted(c, List.of(entry)));

        assertThat(ledger.lines("a")).isEmpty();
    }

    @Test
    void recordDeleted_should_keepEachBlobOnce_when_calledTwice() {
        List<MigrationLedger.DeletedBlob> blobs = List.of(new MigrationLedger.DeletedBlob("dir/x", "\"1\""),
                new MigrationLedger.DeletedBlob("dir/y", "\"2\""));
        ledger.recordDeleted("inst-1", List.of("a"), blobs);
        ledger.recordDeleted("inst-1", List.of("a"), blobs);

        assertThat(ledger.deletedBlobs("a")).containsExactly("dir/x", "dir/y");
    }

    @Test
    void recordOutcome_should_stampSourceDeletion_when_sourceWasDeleted() {
        ledger.recordOutcome(entry, "converted", "migrated", true);

        MigrationLedger.Line line = ledger.lines("a").get(0);
        assertThat(List.of(line.outcome(), line.sourceDeletedAt() != null)).containsExactly("converted", true);
    }

    @Test
    void lastCommittedOldUrl_should_giveSource_when_recordWasCommitted() {
        repo.move(List.of(new EcalRepository.Move("a", "old-a", "new-a")), c -> ledger.recordCommitted(c, List.of(entry)));

        assertThat(ledger.lastCommittedOldUrl("a")).contains("old-a");
    }

    @Test
    void ensureTables_should_createNoSequence_when_creatingLedger() {
        ledger.ensureTables();

        try (var c = db.dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relkind = 'S'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
