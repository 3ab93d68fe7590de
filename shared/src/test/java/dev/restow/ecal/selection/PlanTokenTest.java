package dev.restow.ecal.selection;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTokenTest {

    private static final Selection FEB = new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));

    private static RecordSummary record(String id, String size) {
        return new RecordSummary(id, "https://hot.blob.core.windows.net/rec/recording/2025-02-03/s/t/" + id + ".ecalmeas",
                "https://cold.blob.core.windows.net/ecal-cold-storage/recording/2025-02-03/s/t/" + id + ".ecalmeas",
                new BigDecimal(size), LocalDateTime.of(2025, 2, 3, 8, 0));
    }

    @Test
    void of_should_giveTheSameToken_when_calledTwiceOnEqualInput() {
        PlanToken first = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2")));
        PlanToken second = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2")));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void of_should_ignoreRowOrder_when_finderReturnsRecordsInAnotherOrder() {
        PlanToken first = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2")));
        PlanToken second = PlanToken.of(FEB, List.of(record("b", "2"), record("a", "1.5")));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void of_should_ignoreTrailingZeros_when_sizeScaleDiffers() {
        PlanToken first = PlanToken.of(FEB, List.of(record("a", "1.5")));
        PlanToken second = PlanToken.of(FEB, List.of(record("a", "1.500")));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void of_should_giveAShortUrlSafeToken_always() {
        assertThat(PlanToken.of(FEB, List.of(record("a", "1.5"))).value()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void of_should_change_when_aRecordsSizeChanges() {
        PlanToken before = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2")));
        PlanToken after = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2.1")));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void of_should_change_when_aRecordsSourceMoves() {
        RecordSummary a = record("a", "1.5");
        RecordSummary moved = new RecordSummary("a", a.sourceUrl().replace("/t/", "/u/"), a.destinationUrl(),
                a.sizeGb(), a.recordingStartTime());

        assertThat(PlanToken.of(FEB, List.of(moved))).isNotEqualTo(PlanToken.of(FEB, List.of(a)));
    }

    @Test
    void of_should_change_when_aRecordAppears() {
        PlanToken before = PlanToken.of(FEB, List.of(record("a", "1.5")));
        PlanToken after = PlanToken.of(FEB, List.of(record("a", "1.5"), record("b", "2")));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void of_should_change_when_selectionDiffersOverTheSameRecords() {
        Selection march = new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31));
        List<RecordSummary> records = List.of(record("a", "1.5"));

        assertThat(PlanToken.of(march, records)).isNotEqualTo(PlanToken.of(FEB, records));
    }

    @Test
    void of_should_keepIdsApart_when_anIdContainsTheListSeparator() {
        Selection one = new Selection.ByIds(List.of("a, b"));
        Selection two = new Selection.ByIds(List.of("a", "b"));

        assertThat(PlanToken.of(one, List.of())).isNotEqualTo(PlanToken.of(two, List.of()));
    }

    @Test
    void matches_should_acceptTheSameValue_when_callerSendsItBack() {
        PlanToken plan = PlanToken.of(FEB, List.of(record("a", "1.5")));

        assertThat(plan.matches(plan.value())).isTrue();
    }

    @Test
    void matches_should_refuseAnotherValue_when_callerSendsAStaleToken() {
        PlanToken plan = PlanToken.of(FEB, List.of(record("a", "1.5")));
        PlanToken stale = PlanToken.of(FEB, List.of(record("a", "1.4")));

        assertThat(plan.matches(stale.value())).isFalse();
    }
}
