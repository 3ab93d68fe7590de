package dev.restow.cli.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 4, acceptance 4 (media half): {@code restow optimize} against the embedded servers. */
class OptimizeCommandTest {

    private MediaWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new MediaWorld();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private CliRun optimize(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "optimize";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(Path.of(""), world.env(), "", all);
    }

    @Test
    void dryRun_should_changeNoRowNoObjectAndNoLedger_when_run() throws Exception {
        List<String> before = world.snapshot();

        CliRun run = optimize("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(world.snapshot()).isEqualTo(before);
        assertThat(world.ledgerEntries()).isZero();
    }

    @Test
    void dryRun_should_countWhatWouldBeConvertedPerSource_when_run() {
        CliRun run = optimize("--dry-run");

        assertThat(run.outLines()).contains("Dry run: nothing was changed.",
                "  accounts_profile            2        2            1            0              1",
                "  post_postmedia              1        0            0            0              1",
                "  event_event                 1        1            0            0              1");
    }

    @Test
    void dryRun_should_listTheImagesItWouldConvert_when_run() {
        CliRun run = optimize("--dry-run");

        assertThat(run.outLines()).contains("First images that would be converted:",
                "  accounts_profile #1 avatar: photos/a.jpg", "  post_postmedia #1 media_file: photos/b.png",
                "  event_event #1 cover: photos/notes.jpg");
    }

    @Test
    void optimize_should_repointConvertedRowsAtTheirWebp_when_run() throws Exception {
        CliRun run = optimize("--workers", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(world.value("SELECT avatar FROM accounts_profile WHERE id = 1")).isEqualTo("photos/a.webp");
        assertThat(world.value("SELECT media_file FROM post_postmedia WHERE id = 1")).isEqualTo("photos/b.webp");
    }

    @Test
    void optimize_should_reportPerSourceOutcomesWithReasons_when_run() {
        CliRun run = optimize();

        assertThat(run.out()).contains("skipped: already-webp 1, no-url 2", "rejected: not-an-image 1");
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("  total                        2        4"
                + "        1       0"));
    }

    @Test
    void optimize_should_convertOnlyTheNamedSource_when_sourcesGiven() throws Exception {
        optimize("--sources", "post_postmedia");

        assertThat(world.value("SELECT media_file FROM post_postmedia WHERE id = 1")).isEqualTo("photos/b.webp");
        assertThat(world.value("SELECT avatar FROM accounts_profile WHERE id = 1")).isEqualTo("photos/a.jpg");
    }

    @Test
    void optimize_should_stopAfterLimit_when_limitGiven() throws Exception {
        optimize("--limit", "1");

        assertThat(world.ledgerEntries()).isEqualTo(1);
    }

    @Test
    void optimize_should_failWithOneLineNamingTheVariable_when_bucketMissing() {
        Map<String, String> env = new java.util.HashMap<>(world.env());
        env.remove("AWS_STORAGE_BUCKET_NAME");

        CliRun run = CliRun.run(Path.of(""), env, "", "optimize", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow optimize: AWS_STORAGE_BUCKET_NAME: is required but not set");
    }

    @Test
    void optimize_should_failWithOneLineNamingTheVariable_when_databaseUrlMissing() {
        Map<String, String> env = new java.util.HashMap<>(world.env());
        env.remove("DATABASE_URL");

        CliRun run = CliRun.run(Path.of(""), env, "", "optimize");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("restow optimize: DATABASE_URL: ");
    }

    @Test
    void optimize_should_failWithExactMessage_when_sourceUnknown() {
        CliRun run = optimize("--sources", "accounts_profile,blog_post");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow optimize: --sources: unknown source 'blog_post' "
                + "(configured: accounts_profile, post_postmedia, event_event) (see 'restow optimize --help')");
    }

    @Test
    void optimize_should_failWithExactMessage_when_limitNotPositive() {
        CliRun run = optimize("--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow optimize: --limit must be greater than 0, got 0 (see 'restow optimize --help')");
    }

    @Test
    void optimize_should_failWithExactMessage_when_workersOutOfRange() {
        CliRun run = optimize("--workers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow optimize: --workers must be in 1..64, got 0 (see 'restow optimize --help')");
    }

    @Test
    void help_should_listEveryOption_when_asked() {
        CliRun run = CliRun.run("optimize", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dry-run", "--sources=TABLE", "--limit=N", "--workers=N");
    }
}
