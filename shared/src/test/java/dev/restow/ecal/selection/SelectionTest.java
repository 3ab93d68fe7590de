package dev.restow.ecal.selection;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SelectionTest {

    @Test
    void describe_should_listIds_when_byIds() {
        assertThat(new Selection.ByIds(List.of("a", "b")).describe()).isEqualTo("ids [a, b]");
    }

    @Test
    void describe_should_nameTheDay_when_onDate() {
        assertThat(new Selection.OnDate(LocalDate.of(2025, 2, 14)).describe()).isEqualTo("date 2025-02-14");
    }

    @Test
    void describe_should_nameBothEnds_when_between() {
        assertThat(new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)).describe())
                .isEqualTo("range 2025-02-01..2025-02-28");
    }

    @Test
    void between_should_refuse_when_toIsBeforeFrom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Selection.Between(LocalDate.of(2025, 2, 2), LocalDate.of(2025, 2, 1)));

        assertThat(e).hasMessage("to (2025-02-01) is before from (2025-02-02)");
    }
}
