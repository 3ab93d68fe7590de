package dev.restow.ecal.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.selection.Selection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EcalRepositoryTest {
    private static final String HOT = "https://hot.blob.core.windows.net/rec/recording/";
    private EcalDb db;
    private EcalRepository repo;

    @BeforeEach
    void rows() {
        db = new EcalDb();
        repo = new EcalRepository(db.dataSource, SqlIdentifier.of("ecal"), Duration.ofSeconds(10));
        db.row("a", HOT + "2025-02-14/s/t1/a.ecalmeas", LocalDate.of(2025, 2, 14).atTime(0, 0));
        db.row("b", HOT + "2025-02-14/s/t2/b.ecalmeas", LocalDate.of(2025, 2, 14).atTime(23, 59, 59));
        db.row("c", HOT + "2025-02-15/s/t1/c.ecalmeas", LocalDate.of(2025, 2, 15).atTime(12, 0));
        db.row("d", HOT + "2025-02-16/s/t1/d.ecalmeas", LocalDate.of(2025, 2, 16).atTime(0, 0));
        db.row("under_score", HOT + "2025-02-14/s/t1/x_y.ecalmeas", LocalDate.of(2025, 2, 13).atTime(1, 0));
    }

    @Test
    void find_should_keepRequestedOrder_when_selectingByIds() {
        assertThat(repo.find(new Selection.ByIds(List.of("c", "missing", "a")))).extracting(EcalRow::ecalId)
                .containsExactly("c", "a");
    }

    @Test
    void find_should_coverTheWholeDay_when_selectingByDate() {
        assertThat(repo.find(new Selection.OnDate(LocalDate.of(2025, 2, 14)))).extracting(EcalRow::ecalId)
                .containsExactly("a", "b");
    }

    @Test
    void find_should_includeBothEnds_when_selectingByRange() {
        assertThat(repo.find(new Selection.Between(LocalDate.of(2025, 2, 14), LocalDate.of(2025, 2, 15))))
                .extracting(EcalRow::ecalId).containsExactly("a", "b", "c");
    }

    @Test
    void rowsUnder_should_treatLikeWildcardsLiterally_when_prefixHasUnderscore() {
        assertThat(repo.rowsUnder(List.of(HOT + "2025-02-14/s/t1/x_"))).extracting(EcalRow::ecalId)
                .containsExactly("under_score");
    }

    @Test
    void rowsUnder_should_findEveryRowInDirectory_when_directoryIsShared() {
        assertThat(repo.rowsUnder(List.of(HOT + "2025-02-14/s/t1/"))).extracting(EcalRow::ecalId)
                .containsExactly("a", "under_score");
    }

    @Test
    void move_should_pointRowAtNewUrl_when_rowStillHoldsOldUrl() {
        repo.move(List.of(new EcalRepository.Move("a", HOT + "2025-02-14/s/t1/a.ecalmeas", "cold-a")), c -> { });

        assertThat(repo.currentName("a")).contains("cold-a");
    }

    @Test
    void move_should_countAsDone_when_rowAlreadyHoldsNewUrl() {
        List<EcalRepository.Move> moves = List.of(new EcalRepository.Move("a", HOT + "2025-02-14/s/t1/a.ecalmeas", "cold-a"));
        repo.move(moves, c -> { });

        assertThat(repo.move(moves, c -> { }).committed()).isTrue();
    }

    @Test
    void move_should_rollBackEveryRow_when_oneRowChanged() {
        db.exec("UPDATE ecal SET ecal_name = 'elsewhere' WHERE ecal_id = 'b'");

        EcalRepository.MoveResult r = repo.move(List.of(
                new EcalRepository.Move("a", HOT + "2025-02-14/s/t1/a.ecalmeas", "cold-a"),
                new EcalRepository.Move("b", HOT + "2025-02-14/s/t2/b.ecalmeas", "cold-b")), c -> { });

        assertThat(List.of(r.committed(), r.detail(), repo.currentName("a").orElseThrow())).containsExactly(false,
                "row b no longer points at " + HOT + "2025-02-14/s/t2/b.ecalmeas (it points at elsewhere)",
                HOT + "2025-02-14/s/t1/a.ecalmeas");
    }
}
