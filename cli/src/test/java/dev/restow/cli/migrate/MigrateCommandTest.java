package dev.restow.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.cli.CliRun;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 4, acceptance 4 (ECAL half): {@code restow migrate} against Azurite and the embedded PostgreSQL. */
class MigrateCommandTest {

    private EcalWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new EcalWorld();
    }

    private CliRun migrate(String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "migrate";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(Path.of(""), world.env(), stdin, all);
    }

    @Test
    void dryRun_should_changeNoRowAndNoBlob_when_run() throws Exception {
        List<String> before = world.snapshot();

        CliRun run = migrate("", "--date", "2025-02-14", "--dry-run");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(world.snapshot()).isEqualTo(before);
        assertThat(run.outLines()).last().isEqualTo("Dry run: nothing was changed.");
    }

    @Test
    void dryRun_should_showCountSizeRecordsAndTheDeletionWarning_when_run() throws Exception {
        CliRun run = migrate("", "--date", "2025-02-14", "--dry-run");

        assertThat(run.outLines()).contains("Selection: date 2025-02-14",
                "Recordings to migrate: 2, total size 0.000008 GB",
                "  e1  2025-02-14T08:00  0.000004 GB",
                "      from " + world.hotBase + "recording/2025-02-14/drive-1/20250214T080000/m.ecalmeas",
                "      to   " + world.coldBase + "recording/2025-02-14/drive-1/20250214T080000/m.ecalmeas");
        assertThat(run.out()).contains("WARNING: deleteSource is on:");
    }

    @Test
    void migrate_should_changeNothing_when_noIsTyped() throws Exception {
        List<String> before = world.snapshot();

        CliRun run = migrate("no\n", "--date", "2025-02-14");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Type 'yes' to migrate 2 recording(s) and DELETE their source directories: ",
                "Cancelled: nothing was changed.");
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void migrate_should_changeNothing_when_inputEndsWithoutAnswer() throws Exception {
        List<String> before = world.snapshot();

        CliRun run = migrate("", "--from", "2025-02-14", "--to", "2025-02-15");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @Test
    void migrate_should_pointRowsAtColdStorageAndDeleteSources_when_yesIsTyped() throws Exception {
        CliRun run = migrate("yes\n", "--date", "2025-02-14");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(world.url("e1")).isEqualTo(world.coldBase + "recording/2025-02-14/drive-1/20250214T080000/m.ecalmeas");
        assertThat(world.blobs(world.cold, "recording/2025-02-14/")).isEqualTo(2L * EcalWorld.FILES.size());
        assertThat(world.blobs(world.hot, "recording/2025-02-14/")).isZero();
    }

    @Test
    void migrate_should_leaveOtherDaysAlone_when_dateSelected() throws Exception {
        migrate("", "--date", "2025-02-14", "--yes");

        assertThat(world.url("e3")).startsWith(world.hotBase);
        assertThat(world.blobs(world.hot, "recording/2025-02-15/")).isEqualTo(EcalWorld.FILES.size());
    }

    @Test
    void migrate_should_printTheSummary_when_done() {
        CliRun run = migrate("", "--ids", "e1,e3", "--yes");

        assertThat(run.out()).contains(": 2 of 2 recordings migrated, 0 skipped, 0 rejected, 0 failed",
                "  blobs moved: 8 (", "  sources deleted: 2 directories, 8 blobs");
    }

    @Test
    void migrate_should_keepSources_when_keepSourceGiven() throws Exception {
        CliRun run = migrate("", "--ids", "e2", "--yes", "--keep-source");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(world.url("e2")).startsWith(world.coldBase);
        assertThat(world.blobs(world.hot, "recording/2025-02-14/drive-2/")).isEqualTo(EcalWorld.FILES.size());
    }

    @Test
    void migrate_should_failWithExactMessage_when_toBeforeFrom() {
        CliRun run = migrate("", "--from", "2025-02-15", "--to", "2025-02-14");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: --to (2025-02-14) is before --from (2025-02-15) "
                + "(see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithExactMessage_when_dateMalformed() {
        CliRun run = migrate("", "--date", "14.02.2025");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: --date: '14.02.2025' is not a date (yyyy-mm-dd) "
                + "(see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithExactMessage_when_tierUnknown() {
        CliRun run = migrate("", "--date", "2025-02-14", "--tier", "Glacier");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: --tier must be one of Hot, Cool, Cold, Archive, "
                + "got 'Glacier' (see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithOneLine_when_twoSelectorsGiven() {
        CliRun run = migrate("", "--date", "2025-02-14", "--ids", "e1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: --ids=ID[,ID...], --date=D are mutually exclusive "
                + "(specify only one) (see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithOneLine_when_noSelectorGiven() {
        CliRun run = migrate("", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: Missing required argument (specify one of these): "
                + "(--ids=ID[,ID...] | --date=D | (--from=D --to=D)) (see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithExactMessage_when_rangeHalfGiven() {
        CliRun run = migrate("", "--from", "2025-02-14", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow migrate: Missing required argument(s): --to=D (see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithExactMessage_when_anIdIsEmpty() {
        CliRun run = migrate("", "--ids", "e1,,e2", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow migrate: --ids: an id is empty (see 'restow migrate --help')");
    }

    @Test
    void migrate_should_failWithOneLineNamingTheSetting_when_dbHostMissing() {
        Map<String, String> env = new HashMap<>(world.env());
        env.remove("DB_HOST");

        CliRun run = CliRun.run(Path.of(""), env, "", "migrate", "--date", "2025-02-14", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow migrate: DB_HOST: is required but not set");
    }

    @Test
    void help_should_listEveryOption_when_asked() {
        CliRun run = CliRun.run("migrate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--ids=ID", "--date=D", "--from=D", "--to=D", "--tier=T", "--keep-source",
                "--dry-run", "--yes");
    }
}
