package dev.restow.ecal.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewTest {

    private static final Selection DAY = new Selection.OnDate(LocalDate.of(2025, 2, 14));

    private static RecordSummary record(String id, String size) {
        return new RecordSummary(id, "https://hot.blob.core.windows.net/rec/recording/2025-02-14/s/t/" + id + ".ecalmeas",
                "https://cold.blob.core.windows.net/ecal-cold-storage/recording/2025-02-14/s/t/" + id + ".ecalmeas",
                size == null ? null : new BigDecimal(size), LocalDateTime.of(2025, 2, 14, 8, 30));
    }

    private static List<RecordSummary> records(int n) {
        List<RecordSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(record("e" + i, "1.25"));
        }
        return out;
    }

    @Test
    void of_should_countAndSumAllRecords_when_moreThanFiveFound() {
        Preview p = Preview.of(DAY, true, "", records(7));

        assertThat(List.of(p.recordCount(), p.totalSizeGb(), p.notShown()))
                .containsExactly(7, new BigDecimal("8.75"), 2);
    }

    @Test
    void of_should_listTheFirstFiveInFinderOrder_when_moreThanFiveFound() {
        Preview p = Preview.of(DAY, true, "", records(7));

        assertThat(p.records()).extracting(Preview.Item::ecalId).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void of_should_showSourceAndDestination_forEachListedRecord() {
        Preview p = Preview.of(DAY, true, "", List.of(record("a", "2")));

        assertThat(p.records().get(0)).isEqualTo(new Preview.Item("a",
                "https://hot.blob.core.windows.net/rec/recording/2025-02-14/s/t/a.ecalmeas",
                "https://cold.blob.core.windows.net/ecal-cold-storage/recording/2025-02-14/s/t/a.ecalmeas",
                new BigDecimal("2"), "2025-02-14T08:30"));
    }

    @Test
    void of_should_carryThePlanOfTheRecords_always() {
        List<RecordSummary> found = records(3);

        assertThat(Preview.of(DAY, true, "", found).plan()).isEqualTo(PlanToken.of(DAY, found).value());
    }

    @Test
    void of_should_warnThatSourcesWillBeDeleted_when_deleteSource() {
        Preview p = Preview.of(DAY, true, "", records(1));

        assertThat(p.warnings()).containsExactly("deleteSource is on: once a recording's blobs are verified in cold "
                + "storage and its row points there, its source directory and every blob under it are DELETED from "
                + "the source account");
    }

    @Test
    void of_should_notWarn_when_sourcesAreKept() {
        assertThat(Preview.of(DAY, false, "", records(1)).warnings()).isEmpty();
    }

    @Test
    void of_should_sayNothingMatches_when_noRecordsFound() {
        assertThat(Preview.of(DAY, true, "", List.of()).warnings())
                .containsExactly("no recordings match date 2025-02-14; there is nothing to migrate");
    }

    @Test
    void of_should_nameMissingIds_when_someRequestedIdsAreNotFound() {
        Selection ids = new Selection.ByIds(List.of("a", "x", "b", "y"));

        assertThat(Preview.of(ids, false, "", List.of(record("a", "1"), record("b", "1"))).warnings())
                .containsExactly("2 of the 4 requested ids were not found: x, y");
    }

    @Test
    void of_should_countOnlyKnownSizes_when_someRowsHaveNoSize() {
        Preview p = Preview.of(DAY, false, "", List.of(record("a", "1.5"), record("b", null)));

        assertThat(p.totalSizeGb()).isEqualByComparingTo("1.5");
    }

    @Test
    void of_should_warnAboutUnknownSizes_when_someRowsHaveNoSize() {
        Preview p = Preview.of(DAY, false, "", List.of(record("a", "1.5"), record("b", null)));

        assertThat(p.warnings())
                .containsExactly("1 of the recordings have no size_gb; totalSizeGb counts only the others");
    }

    @Test
    void of_should_warnAboutRehydration_when_tierIsArchive() {
        assertThat(Preview.of(DAY, false, "Archive", records(1)).warnings()).containsExactly(
                "tier Archive: migrated blobs are offline; reading them needs rehydration, which takes hours");
    }

    @Test
    void toJson_should_writeTheDocumentedFieldsInOrder_always() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Preview.of(DAY, true, "Cold", records(6)).toJson());

        assertThat(json.fieldNames()).toIterable().containsExactly("selection", "recordCount", "totalSizeGb",
                "deleteSource", "tier", "records", "notShown", "warnings", "plan", "next");
    }

    @Test
    void toJson_should_writeRecordFieldsInOrder_always() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Preview.of(DAY, true, "Cold", records(1)).toJson());

        assertThat(json.get("records").get(0).fieldNames()).toIterable()
                .containsExactly("ecalId", "source", "destination", "sizeGb", "recordingStartTime");
    }

    @Test
    void toJson_should_writeSizesAsNumbers_always() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Preview.of(DAY, true, "", records(2)).toJson());

        assertThat(json.get("totalSizeGb").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void of_should_tellHowToStart_withThePlan() {
        Preview p = Preview.of(DAY, true, "", records(1));

        assertThat(p.next()).isEqualTo("to start the migration, send the same request with \"dryRun\": false and "
                + "\"plan\": \"" + p.plan() + "\"");
    }
}
