package dev.restow.ecal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.ecal.selection.Selection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void json_should_roundTrip_when_serialisedWithJackson() throws Exception {
        MigrationInput in = MigrationInput.ofRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), "plan")
                .withTier("Cold").withCopyDeadline(Duration.ofMinutes(30));

        assertThat(JSON.readValue(JSON.writeValueAsString(in), MigrationInput.class)).isEqualTo(in);
    }

    @Test
    void json_should_carryOnlyPlainFields_when_serialised() throws Exception {
        String json = JSON.writeValueAsString(MigrationInput.ofIds(List.of("a"), ""));

        assertThat(JSON.readTree(json).fieldNames()).toIterable().containsExactlyInAnyOrder("ecalIds", "date", "from",
                "to", "planToken", "dryRun", "deleteSource", "tier", "copyDeadlineSeconds", "sasLifetimeSeconds",
                "maxParallelRecords", "waveSize", "ecalTable");
    }

    @Test
    void constructor_should_applyDefaults_when_settingsAreZero() {
        MigrationInput in = new MigrationInput(null, "2025-02-14", null, null, null, false, true, null, 0, 0, 0, 0, null);

        assertThat(List.of(in.copyDeadlineSeconds(), in.sasLifetimeSeconds(), (long) in.maxParallelRecords(),
                (long) in.waveSize())).containsExactly(3600L, 7200L, 4L, 50L);
    }

    @Test
    void selection_should_giveRange_when_fromAndToAreSet() {
        MigrationInput in = MigrationInput.ofRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), "");

        assertThat(in.selection()).isEqualTo(new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void selection_should_refuse_when_twoSelectorsAreSet() {
        MigrationInput in = new MigrationInput(List.of("a"), "2025-02-14", null, null, "", false, true, "", 0, 0, 0, 0, "");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, in::selection);

        assertThat(e).hasMessage("a migration input needs exactly one of ecalIds, date, from/to");
    }

    @Test
    void sasLifetime_should_outliveCopyDeadline_when_configuredShorter() {
        MigrationInput in = MigrationInput.ofIds(List.of("a"), "").withCopyDeadline(Duration.ofHours(3));

        assertThat(in.sasLifetime()).isEqualTo(Duration.ofHours(3).plusMinutes(15));
    }
}
