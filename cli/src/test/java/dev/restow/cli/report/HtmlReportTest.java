package dev.restow.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final ImagePair PAIR = new ImagePair("media/<b>cat</b>.jpg", "accounts_profile.avatar #1", "jpeg",
            640, 480, 100_000, 40_000, "data:image/png;base64,AAAA", "data:image/webp;base64,BBBB");
    private static final SourceTotals PROFILES = new SourceTotals("accounts_profile",
            Map.of("converted", 3, "skipped:no-url", 2, "rejected:corrupt", 1), 300_000, 120_000);
    private static final EcalTotals ECAL = new EcalTotals(Map.of("converted", 2, "rejected:shared-directory", 1),
            40, 5_000_000, 2, 40, List.of(new RecordLine("e1", "converted", "http://hot/x", "http://cold/x", 20,
            2_500_000)));

    private static DemoReport report(List<String> problems) {
        return new DemoReport(Instant.parse("2026-11-22T10:00:00Z"), Duration.ofSeconds(95), "the corpus",
                List.of(PROFILES), List.of(PAIR), ECAL, problems);
    }

    @Test
    void render_should_giveEveryTotalItsId_when_rendered() {
        String html = HtmlReport.render(report(List.of()));

        assertThat(html).contains("<dd id=\"total-converted\">3</dd>", "<dd id=\"total-skipped\">2</dd>",
                "<dd id=\"total-rejected\">1</dd>", "<dd id=\"total-failed\">0</dd>",
                "<dd id=\"total-saving\">60.0%</dd>", "<dd id=\"ecal-migrated\">2</dd>",
                "<dd id=\"ecal-records\">3</dd>", "<dd id=\"ecal-blobs\">40</dd>", "<dd id=\"ecal-deleted\">2</dd>");
    }

    @Test
    void render_should_showTheOriginalAndTheWebpSideBySide_when_aSampleIsGiven() {
        String html = HtmlReport.render(report(List.of()));

        assertThat(html).contains("<img class=\"before\" alt=\"original media/&lt;b&gt;cat&lt;/b&gt;.jpg\" "
                        + "src=\"data:image/png;base64,AAAA\">",
                "<img class=\"after\" alt=\"WebP media/&lt;b&gt;cat&lt;/b&gt;.jpg\" src=\"data:image/webp;base64,BBBB\">",
                "original jpeg · 97.7 KB", "WebP 640×480 · 39.1 KB <b>−60.0%</b>");
    }

    @Test
    void render_should_escapeMarkupInNames_when_rendered() {
        String html = HtmlReport.render(report(List.of()));

        assertThat(html).doesNotContain("<b>cat</b>");
    }

    @Test
    void render_should_listEveryProblem_when_notEverythingHappened() {
        String html = HtmlReport.render(report(List.of("1 image(s) ended failed", "port 5432 still listens")));

        assertThat(html).contains("class=\"verdict bad\"", "<li>1 image(s) ended failed</li>",
                "<li>port 5432 still listens</li>");
    }

    @Test
    void render_should_sayEverythingHappened_when_noProblem() {
        assertThat(HtmlReport.render(report(List.of()))).contains(
                "<p id=\"verdict\" class=\"verdict ok\">Everything expected happened.</p>");
    }

    @Test
    void render_should_showTheReasonsOfEachSource_when_rendered() {
        assertThat(HtmlReport.render(report(List.of()))).contains(
                "<td class=\"reasons\">skipped: no-url 2; rejected: corrupt 1</td>");
    }

    @Test
    void textReport_should_endWithTheVerdict_when_rendered() {
        assertThat(TextReport.render(report(List.of()))).endsWith(
                "Demo finished in 1 min 35 s: everything expected happened.\n");
    }
}
