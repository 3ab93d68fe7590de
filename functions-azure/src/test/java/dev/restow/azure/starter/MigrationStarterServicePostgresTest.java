package dev.restow.azure.starter;

import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.ContainerLocation;
import dev.restow.ecal.EcalLocations;
import dev.restow.ecal.db.EcalRepository;
import dev.restow.ecal.db.JdbcRecordFinder;
import dev.restow.ecal.selection.Preview;
import dev.restow.local.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview query and the plan check against a real PostgreSQL {@code ecal} table (schema as the original). */
class MigrationStarterServicePostgresTest {

    private static final String HOT = "https://hot.blob.core.windows.net/recordings/recording/";
    private static DataSource db;

    private final Fakes.Scheduler scheduler = new Fakes.Scheduler();
    private MigrationStarterService service;

    @BeforeAll
    static void database() {
        LocalPostgres pg = LocalPostgres.shared();
        db = pg.dataSource(pg.createDatabase());
    }

    @BeforeEach
    void table() throws SQLException {
        sql("DROP TABLE IF EXISTS ecal",
                "CREATE TABLE ecal (ecal_id VARCHAR PRIMARY KEY, ecal_name TEXT, recording_start_time TIMESTAMP, "
                        + "upload_start_time TIMESTAMP, upload_end_time TIMESTAMP, map TEXT, size_gb DECIMAL, "
                        + "length INTEGER, is_valid BOOLEAN, invalid_reason_id INTEGER, recording_end_time TIMESTAMP)",
                row("before", "2025-02-13 23:59:59", "1.0"),
                row("first", "2025-02-14 00:00:00", "2.5"),
                row("noon", "2025-02-14 12:00:00", "3.25"),
                row("last", "2025-02-14 23:59:59.999", "4"),
                row("after", "2025-02-15 00:00:00", "5"));
        EcalLocations locations = new EcalLocations(
                ContainerLocation.of("https://hot.blob.core.windows.net", "recordings"),
                ContainerLocation.of("https://cold.blob.core.windows.net", "ecal-cold-storage"));
        JdbcRecordFinder finder = new JdbcRecordFinder(
                new EcalRepository(db, SqlIdentifier.of("ecal"), Duration.ofSeconds(10)), locations);
        service = new MigrationStarterService(finder, scheduler, RunDefaults.standard());
    }

    private static String row(String id, String start, String size) {
        String day = start.substring(0, 10);
        return "INSERT INTO ecal (ecal_id, ecal_name, recording_start_time, size_gb) VALUES ('" + id + "', '" + HOT
                + day + "/s1/" + id + "_dir/" + id + ".ecalmeas', TIMESTAMP '" + start + "', " + size + ")";
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private Preview dryRun(String selector) {
        return ((StartResult.Previewed) service.start("{" + selector + ",\"dryRun\":true}")).preview();
    }

    @Test
    void dryRun_should_coverTheWholeDayInclusive_when_dateSelected() {
        assertThat(dryRun("\"date\":\"2025-02-14\"").records()).extracting(Preview.Item::ecalId)
                .containsExactly("first", "noon", "last");
    }

    @Test
    void dryRun_should_sumTheSizes_fromTheTable() {
        assertThat(dryRun("\"date\":\"2025-02-14\"").totalSizeGb()).isEqualByComparingTo("9.75");
    }

    @Test
    void dryRun_should_showTheColdDestination_samePath() {
        assertThat(dryRun("\"date\":\"2025-02-14\"").records().get(0).destination()).isEqualTo(
                "https://cold.blob.core.windows.net/ecal-cold-storage/recording/2025-02-14/s1/first_dir/first.ecalmeas");
    }

    @Test
    void dryRun_should_includeBothEnds_when_rangeSelected() {
        assertThat(dryRun("\"from\":\"2025-02-13\",\"to\":\"2025-02-14\"").records()).extracting(Preview.Item::ecalId)
                .containsExactly("before", "first", "noon", "last");
    }

    @Test
    void dryRun_should_nameMissingIds_when_someIdsAreNotInTheTable() {
        assertThat(dryRun("\"ecalIds\":[\"noon\",\"ghost\",\"after\"]").warnings())
                .contains("1 of the 3 requested ids were not found: ghost");
    }

    @Test
    void dryRun_should_giveTheSamePlan_when_repeated() {
        assertThat(dryRun("\"date\":\"2025-02-14\"").plan()).isEqualTo(dryRun("\"date\":\"2025-02-14\"").plan());
    }

    @Test
    void realRun_should_beRefusedAsStale_when_aSizeChangedAfterThePreview() throws SQLException {
        String plan = dryRun("\"date\":\"2025-02-14\"").plan();
        sql("UPDATE ecal SET size_gb = 3.5 WHERE ecal_id = 'noon'");

        assertThat(service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}"))
                .isInstanceOf(StartResult.StalePlan.class);
    }

    @Test
    void realRun_should_beRefusedAsStale_when_aRowWasMigratedMeanwhile() throws SQLException {
        String plan = dryRun("\"date\":\"2025-02-14\"").plan();
        sql("UPDATE ecal SET ecal_name = replace(ecal_name, 'hot.blob.core.windows.net/recordings', "
                + "'cold.blob.core.windows.net/ecal-cold-storage') WHERE ecal_id = 'first'");

        assertThat(service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}"))
                .isInstanceOf(StartResult.StalePlan.class);
    }

    @Test
    void realRun_should_beRefusedAsStale_when_aRowAppearedInTheDay() throws SQLException {
        String plan = dryRun("\"date\":\"2025-02-14\"").plan();
        sql(row("late", "2025-02-14 18:00:00", "1"));

        assertThat(service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}"))
                .isInstanceOf(StartResult.StalePlan.class);
    }

    @Test
    void realRun_should_scheduleOnce_when_theTableStillMatchesThePlan() throws SQLException {
        String plan = dryRun("\"date\":\"2025-02-14\"").plan();
        sql(row("other-day", "2025-02-20 10:00:00", "7"));

        service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}");

        assertThat(scheduler.scheduled).extracting(Fakes.Scheduler.Scheduled::instanceId)
                .containsExactly("ecal-" + plan + "-delete");
    }

    @Test
    void dryRun_should_showNoDestination_when_aRowIsOutsideTheSourceContainer() throws SQLException {
        sql("UPDATE ecal SET ecal_name = 'https://elsewhere.blob.core.windows.net/x/recording/2025-02-14/s/t/f.ecalmeas'"
                + " WHERE ecal_id = 'noon'");

        assertThat(dryRun("\"ecalIds\":[\"noon\"]").records()).extracting(Preview.Item::destination)
                .containsExactly("");
    }
}
