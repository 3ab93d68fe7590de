package dev.restow.local;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Paths;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalPostgresTest {

    private final LocalPostgres pg = LocalPostgres.shared();

    @Test
    void createDatabase_should_returnAFreshEmptyDatabase_when_called() throws SQLException {
        String db = pg.createDatabase();

        try (Connection c = pg.dataSource(db).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database(), count(*) from pg_tables"
                     + " where schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db);
            assertThat(rs.getInt(2)).isZero();
        }
    }

    @Test
    void createDatabase_should_returnDistinctNames_when_calledTwice() {
        assertThat(pg.createDatabase()).isNotEqualTo(pg.createDatabase());
    }

    @Test
    void createDatabase_should_rejectName_when_notAPlainIdentifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pg.createDatabase("x; drop"));
        assertThat(e).hasMessage("database name must match [a-z_][a-z0-9_]{0,62} but was 'x; drop'");
    }

    @Test
    void jdbcUrl_should_connectWithUserAndPassword_when_usedWithDriverManager() throws SQLException {
        String db = pg.createDatabase();

        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
    }

    @Test
    void jdbcUrl_should_pointAtLoopback_when_built() {
        assertThat(pg.jdbcUrl("d")).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/d");
    }

    @Test
    void libpqUrl_should_carryCredentialsHostPortAndDatabase_when_built() {
        assertThat(pg.libpqUrl("d"))
                .isEqualTo("postgresql://postgres:postgres@127.0.0.1:" + pg.port() + "/d");
    }

    @Test
    void shared_should_returnTheSameServer_when_calledTwice() {
        assertThat(LocalPostgres.shared()).isSameAs(pg);
    }

    @Test
    void close_should_stopAPrivateServer_when_called() {
        int port;
        try (LocalPostgres own = LocalPostgres.start()) {
            port = own.port();
            assertThat(port).isNotEqualTo(pg.port());
            assertThat(Ports.isListening(port)).isTrue();
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void start_should_runTheDebianServer_when_debianEngineChosen() throws SQLException {
        Assumptions.assumeTrue(Files.isDirectory(Paths.get("/usr/lib/postgresql")),
                "Debian's postgresql package is not installed");
        try (LocalPostgres debian = LocalPostgres.start("debian");
             Connection c = debian.dataSource(debian.createDatabase()).getConnection()) {
            assertThat(debian.engineName() + " " + c.isValid(5)).startsWith("Debian ").endsWith(" true");
        }
    }

    @Test
    void engineName_should_beZonky_when_defaultEngineStarts() {
        assertThat(pg.engineName()).isEqualTo("zonky embedded");
    }

    @Test
    void start_should_rejectEngine_when_unknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalPostgres.start("mysql"));
        assertThat(e).hasMessage("restow.postgres.engine must be 'zonky' or 'debian' but was 'mysql'");
    }
}
