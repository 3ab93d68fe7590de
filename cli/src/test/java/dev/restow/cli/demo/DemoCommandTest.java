package dev.restow.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.cli.CliRun;
import dev.restow.cli.report.Chromium;
import dev.restow.cli.report.HtmlReport;
import dev.restow.cli.report.Pixels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 1 and 2: {@code restow demo} runs both jobs on embedded servers to a report with exit code 0,
 * leaves nothing listening or running, and its {@code restow-report.html} renders in headless Chromium with the
 * thumbnails and totals. The demo runs once (in-process, as {@code Restow.run}); each test checks one thing.
 */
class DemoCommandTest {

    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^  total\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");

    @TempDir
    static Path workDir;

    private static CliRun run;
    private static List<String> newChildren;

    @BeforeAll
    static void runDemo() {
        // other tests' shared servers (PostgreSQL, Azurite's node) may run in this JVM: only the demo's count
        java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        run = CliRun.run(workDir, Map.of(), "", "demo");
        newChildren = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !before.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    @Test
    void demo_should_exitZero_when_everythingExpectedHappened() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void demo_should_sayEverythingExpectedHappened_when_done() {
        assertThat(run.out()).contains(": everything expected happened.");
    }

    @Test
    void demo_should_reportMediaTotalsWithConversionsAndNoFailures_when_done() {
        Matcher total = TOTAL.matcher(run.out());

        assertThat(total.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("converted").isPositive();
        assertThat(Integer.parseInt(total.group(4))).as("failed").isZero();
    }

    @Test
    void demo_should_reportEveryEcalRecordMigratedAndItsSourceDeleted_when_done() {
        assertThat(run.out()).contains("records migrated: 6 of 6", "source directories deleted: 6 (226 blobs)",
                "blobs moved: 226 (");
    }

    @Test
    void demo_should_leaveNoPortListening_when_done() {
        List<Integer> ports = ports();

        assertThat(ports).hasSize(4);
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port " + port).isFalse());
    }

    @Test
    void demo_should_leaveNoChildProcessRunning_when_done() {
        assertThat(newChildren).isEmpty();
    }

    @Test
    void demo_should_writeTheReportInTheWorkingDirectory_when_done() {
        assertThat(run.out()).contains("Report: " + workDir.resolve(HtmlReport.FILE_NAME));
        assertThat(workDir.resolve(HtmlReport.FILE_NAME)).isRegularFile();
    }

    @Test
    void report_should_loadNothingFromOutside_when_opened() throws IOException {
        String html = Files.readString(workDir.resolve(HtmlReport.FILE_NAME), StandardCharsets.UTF_8);

        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void report_should_showAPage_when_screenshotInHeadlessChromium() throws Exception {
        Chromium chromium = Chromium.requireOrSkip();

        Path png = chromium.screenshot(workDir.resolve(HtmlReport.FILE_NAME), workDir.resolve("report.png"));

        assertThat(Pixels.distinctColours(png)).as("colours in " + png).isGreaterThan(500);
    }

    @Test
    void report_should_showTwoThumbnailsPerSample_when_renderedInHeadlessChromium() throws Exception {
        Chromium chromium = Chromium.requireOrSkip();

        String dom = chromium.dom(workDir.resolve(HtmlReport.FILE_NAME));

        int before = count(dom, "<img class=\"before\"");
        assertThat(before).isBetween(1, MediaDemo.SAMPLES);
        assertThat(count(dom, "<img class=\"after\"")).isEqualTo(before);
        assertThat(dom).contains("src=\"data:image/png;base64,", "src=\"data:image/webp;base64,");
    }

    @Test
    void report_should_showTheSameTotalsAsTheTerminal_when_renderedInHeadlessChromium() throws Exception {
        Chromium chromium = Chromium.requireOrSkip();
        Matcher total = TOTAL.matcher(run.out());
        assertThat(total.find()).isTrue();

        String dom = chromium.dom(workDir.resolve(HtmlReport.FILE_NAME));

        assertThat(dom).contains("<dd id=\"total-converted\">" + total.group(1) + "</dd>",
                "<dd id=\"total-failed\">0</dd>", "<dd id=\"ecal-migrated\">6</dd>", "<dd id=\"ecal-blobs\">226</dd>",
                "<dd id=\"ecal-deleted\">6</dd>", "Everything expected happened.");
    }

    private static List<Integer> ports() {
        String line = run.err().lines().filter(l -> l.startsWith("demo: servers up after")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'servers up' line in " + run.err()));
        List<Integer> ports = new ArrayList<>();
        Matcher m = PORT.matcher(line);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
