package dev.restow.ecal.selection;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MigrationRequestTest {

    private static final String PLAN = "AbCdEfGhIjKlMnOpQrStUv";

    private static String rejection(String body) {
        return assertThrows(BadRequestException.class, () -> MigrationRequest.parse(body)).getMessage();
    }

    private static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"id" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    // ---- accepted shapes ----

    @Test
    void parse_should_readIds_when_ecalIdsGiven() {
        MigrationRequest r = MigrationRequest.parse("{\"ecalIds\":[\"a\",\"b\"],\"dryRun\":true}");

        assertThat(r.selection()).isEqualTo(new Selection.ByIds(List.of("a", "b")));
    }

    @Test
    void parse_should_readOneDay_when_dateGiven() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true}");

        assertThat(r.selection()).isEqualTo(new Selection.OnDate(LocalDate.of(2025, 2, 14)));
    }

    @Test
    void parse_should_readInclusiveRange_when_fromAndToGiven() {
        MigrationRequest r = MigrationRequest.parse("{\"from\":\"2025-02-01\",\"to\":\"2025-02-28\",\"dryRun\":true}");

        assertThat(r.selection()).isEqualTo(new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void parse_should_acceptOneDayRange_when_fromEqualsTo() {
        MigrationRequest r = MigrationRequest.parse("{\"from\":\"2025-02-01\",\"to\":\"2025-02-01\",\"dryRun\":true}");

        assertThat(r.selection()).isEqualTo(new Selection.Between(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1)));
    }

    @Test
    void parse_should_defaultToDeleteSourceAndAccountTier_when_optionsAbsent() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true}");

        assertThat(r).isEqualTo(new MigrationRequest(new Selection.OnDate(LocalDate.of(2025, 2, 14)), true, true, "",
                ""));
    }

    @Test
    void parse_should_takeTheDeploymentDefaults_when_optionsAbsent() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true}", false, "Cold");

        assertThat(List.of(r.deleteSource(), r.tier())).containsExactly(false, "Cold");
    }

    @Test
    void parse_should_letTheRequestWin_overDeploymentDefaults() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true,"
                + "\"deleteSource\":true,\"tier\":\"Hot\"}", false, "Cold");

        assertThat(List.of(r.deleteSource(), r.tier())).containsExactly(true, "Hot");
    }

    @Test
    void parse_should_useTheAccountDefault_when_tierIsEmptyDespiteADeploymentDefault() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true,\"tier\":\"\"}",
                true, "Cold");

        assertThat(r.tier()).isEmpty();
    }

    @Test
    void parse_should_readEveryOption_when_allGiven() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":false,"
                + "\"deleteSource\":false,\"tier\":\"Archive\",\"plan\":\"" + PLAN + "\"}");

        assertThat(r).isEqualTo(new MigrationRequest(new Selection.OnDate(LocalDate.of(2025, 2, 14)), false, false,
                "Archive", PLAN));
    }

    @Test
    void parse_should_spellTierAsAzureDoes_when_caseDiffers() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true,\"tier\":\"cOOL\"}");

        assertThat(r.tier()).isEqualTo("Cool");
    }

    @Test
    void parse_should_treatNullAsAbsent_when_optionIsNull() {
        MigrationRequest r = MigrationRequest.parse("{\"date\":\"2025-02-14\",\"dryRun\":true,\"tier\":null,"
                + "\"deleteSource\":null}");

        assertThat(r.deleteSource()).isTrue();
    }

    @Test
    void parse_should_acceptExactlyMaxIds_when_listIsAtTheLimit() {
        MigrationRequest r = MigrationRequest.parse("{\"ecalIds\":" + ids(MigrationRequest.MAX_IDS)
                + ",\"dryRun\":true}");

        assertThat(((Selection.ByIds) r.selection()).ids()).hasSize(MigrationRequest.MAX_IDS);
    }

    // ---- body ----

    @Test
    void parse_should_reject_when_bodyIsEmpty() {
        assertThat(rejection("")).isEqualTo(
                "request body is empty: expected a JSON object with exactly one of ecalIds, date, from/to");
    }

    @Test
    void parse_should_reject_when_bodyIsNull() {
        assertThat(rejection(null)).isEqualTo(
                "request body is empty: expected a JSON object with exactly one of ecalIds, date, from/to");
    }

    @Test
    void parse_should_reject_when_bodyIsOnlyWhitespace() {
        assertThat(rejection(" \n\t ")).isEqualTo(
                "request body is empty: expected a JSON object with exactly one of ecalIds, date, from/to");
    }

    @Test
    void parse_should_reject_when_bodyIsNotJson() {
        assertThat(rejection("date=2025-02-14")).isEqualTo("request body is not valid JSON (line 1, column 5): "
                + "Unrecognized token 'date': was expecting (JSON String, Number, Array, Object or token 'null', "
                + "'true' or 'false')");
    }

    @Test
    void parse_should_reject_when_jsonIsTruncated() {
        assertThat(rejection("{\"date\":\"2025-02-14\"")).startsWith("request body is not valid JSON (line 1, ");
    }

    @Test
    void parse_should_reject_when_bodyHasTrailingContent() {
        assertThat(rejection("{\"date\":\"2025-02-14\"} {}")).startsWith("request body is not valid JSON");
    }

    @Test
    void parse_should_reject_when_bodyIsAnArray() {
        assertThat(rejection("[{\"date\":\"2025-02-14\"}]")).isEqualTo(
                "request body must be a JSON object, got an array");
    }

    @Test
    void parse_should_reject_when_bodyIsAString() {
        assertThat(rejection("\"2025-02-14\"")).isEqualTo("request body must be a JSON object, got a string");
    }

    @Test
    void parse_should_reject_when_bodyIsJsonNull() {
        assertThat(rejection("null")).isEqualTo("request body must be a JSON object, got null");
    }

    @Test
    void parse_should_reject_when_fieldRepeats() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"date\":\"2025-02-15\"}"))
                .isEqualTo("field 'date' is given twice");
    }

    @Test
    void parse_should_rejectNamingTheField_when_fieldIsUnknown() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dry_run\":true}")).isEqualTo(
                "unknown field 'dry_run'; allowed: ecalIds, date, from, to, dryRun, deleteSource, tier, plan");
    }

    // ---- selectors ----

    @Test
    void parse_should_reject_when_noSelector() {
        assertThat(rejection("{\"dryRun\":true}")).isEqualTo(
                "no selector: give exactly one of ecalIds, date, from/to");
    }

    @Test
    void parse_should_reject_when_objectIsEmpty() {
        assertThat(rejection("{}")).isEqualTo("no selector: give exactly one of ecalIds, date, from/to");
    }

    @Test
    void parse_should_reject_when_idsAndDateGiven() {
        assertThat(rejection("{\"ecalIds\":[\"a\"],\"date\":\"2025-02-14\",\"dryRun\":true}")).isEqualTo(
                "exactly one of ecalIds, date, from/to may be given; got ecalIds and date");
    }

    @Test
    void parse_should_reject_when_dateAndRangeGiven() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"from\":\"2025-02-01\",\"to\":\"2025-02-28\"}")).isEqualTo(
                "exactly one of ecalIds, date, from/to may be given; got date and from/to");
    }

    @Test
    void parse_should_reject_when_allThreeSelectorsGiven() {
        assertThat(rejection("{\"ecalIds\":[\"a\"],\"date\":\"2025-02-14\",\"from\":\"2025-02-01\"}")).isEqualTo(
                "exactly one of ecalIds, date, from/to may be given; got ecalIds and date and from/to");
    }

    @Test
    void parse_should_reject_when_fromWithoutTo() {
        assertThat(rejection("{\"from\":\"2025-02-01\",\"dryRun\":true}")).isEqualTo(
                "'from' needs 'to': a range is from/to, both inclusive");
    }

    @Test
    void parse_should_reject_when_toWithoutFrom() {
        assertThat(rejection("{\"to\":\"2025-02-28\",\"dryRun\":true}")).isEqualTo(
                "'to' needs 'from': a range is from/to, both inclusive");
    }

    @Test
    void parse_should_reject_when_toIsBeforeFrom() {
        assertThat(rejection("{\"from\":\"2025-02-28\",\"to\":\"2025-02-01\",\"dryRun\":true}")).isEqualTo(
                "'to' (2025-02-01) is before 'from' (2025-02-28)");
    }

    // ---- dates ----

    @Test
    void parse_should_rejectNamingFieldAndValue_when_dateHasWrongFormat() {
        assertThat(rejection("{\"date\":\"14.02.2025\",\"dryRun\":true}")).isEqualTo(
                "date '14.02.2025' is not a date YYYY-MM-DD");
    }

    @Test
    void parse_should_reject_when_dateDoesNotExist() {
        assertThat(rejection("{\"date\":\"2025-02-30\",\"dryRun\":true}")).isEqualTo(
                "date '2025-02-30' is not a date YYYY-MM-DD");
    }

    @Test
    void parse_should_reject_when_dateCarriesATime() {
        assertThat(rejection("{\"date\":\"2025-02-14T00:00:00\",\"dryRun\":true}")).isEqualTo(
                "date '2025-02-14T00:00:00' is not a date YYYY-MM-DD");
    }

    @Test
    void parse_should_rejectNamingFrom_when_fromIsMalformed() {
        assertThat(rejection("{\"from\":\"2025-2-1\",\"to\":\"2025-02-28\",\"dryRun\":true}")).isEqualTo(
                "from '2025-2-1' is not a date YYYY-MM-DD");
    }

    @Test
    void parse_should_rejectNamingTo_when_toIsMalformed() {
        assertThat(rejection("{\"from\":\"2025-02-01\",\"to\":\"yesterday\",\"dryRun\":true}")).isEqualTo(
                "to 'yesterday' is not a date YYYY-MM-DD");
    }

    @Test
    void parse_should_reject_when_dateIsANumber() {
        assertThat(rejection("{\"date\":20250214,\"dryRun\":true}")).isEqualTo(
                "date must be a string YYYY-MM-DD, got a number");
    }

    // ---- ids ----

    @Test
    void parse_should_reject_when_idListIsEmpty() {
        assertThat(rejection("{\"ecalIds\":[],\"dryRun\":true}")).isEqualTo("ecalIds is empty: give at least one id");
    }

    @Test
    void parse_should_reject_when_idListIsOversized() {
        assertThat(rejection("{\"ecalIds\":" + ids(MigrationRequest.MAX_IDS + 1) + ",\"dryRun\":true}")).isEqualTo(
                "ecalIds has 1001 ids; at most 1000 per request (use date or from/to for larger selections)");
    }

    @Test
    void parse_should_rejectNamingTheIndex_when_anIdIsBlank() {
        assertThat(rejection("{\"ecalIds\":[\"a\",\"  \"],\"dryRun\":true}")).isEqualTo("ecalIds[1] is blank");
    }

    @Test
    void parse_should_rejectNamingBothIndexes_when_anIdRepeats() {
        assertThat(rejection("{\"ecalIds\":[\"a\",\"b\",\"a\"],\"dryRun\":true}")).isEqualTo(
                "ecalIds[2] 'a' repeats ecalIds[0]");
    }

    @Test
    void parse_should_reject_when_idsIsAString() {
        assertThat(rejection("{\"ecalIds\":\"a,b\",\"dryRun\":true}")).isEqualTo(
                "ecalIds must be an array of strings, got a string");
    }

    @Test
    void parse_should_reject_when_anIdIsANumber() {
        assertThat(rejection("{\"ecalIds\":[\"a\",42],\"dryRun\":true}")).isEqualTo(
                "ecalIds[1] must be a string, got a number");
    }

    @Test
    void parse_should_reject_when_anIdIsNull() {
        assertThat(rejection("{\"ecalIds\":[null],\"dryRun\":true}")).isEqualTo(
                "ecalIds[0] must be a string, got null");
    }

    // ---- options ----

    @Test
    void parse_should_reject_when_dryRunIsAString() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dryRun\":\"true\"}")).isEqualTo(
                "dryRun must be true or false, got a string");
    }

    @Test
    void parse_should_reject_when_deleteSourceIsANumber() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dryRun\":true,\"deleteSource\":0}")).isEqualTo(
                "deleteSource must be true or false, got a number");
    }

    @Test
    void parse_should_reject_when_tierIsUnknown() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dryRun\":true,\"tier\":\"Warm\"}")).isEqualTo(
                "tier 'Warm' is not one of Hot, Cool, Cold, Archive");
    }

    @Test
    void parse_should_reject_when_tierIsNotAString() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dryRun\":true,\"tier\":[\"Cold\"]}")).isEqualTo(
                "tier must be a string, one of Hot, Cool, Cold, Archive, got an array");
    }

    @Test
    void parse_should_reject_when_planIsNotAString() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"plan\":123}")).isEqualTo(
                "plan must be a string, got a number");
    }

    @Test
    void parse_should_reject_when_planIsNotATokenShape() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"plan\":\"yes\"}")).isEqualTo(
                "plan 'yes' is not a plan token: use the \"plan\" of a dry run (22 characters A-Z a-z 0-9 _ -)");
    }

    @Test
    void parse_should_reject_when_realRunHasNoPlan() {
        assertThat(rejection("{\"date\":\"2025-02-14\"}")).isEqualTo(
                "plan is required for a real run: send the same request with \"dryRun\": true, review the preview, "
                        + "then send it with its \"plan\"");
    }

    @Test
    void parse_should_reject_when_realRunSaysDryRunFalseWithoutPlan() {
        assertThat(rejection("{\"date\":\"2025-02-14\",\"dryRun\":false}")).isEqualTo(
                "plan is required for a real run: send the same request with \"dryRun\": true, review the preview, "
                        + "then send it with its \"plan\"");
    }
}
