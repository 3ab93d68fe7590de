package dev.restow.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.config.ConfigException;
import org.junit.jupiter.api.Test;

class DbSettingsTest {

    @Test
    void parseUrl_should_readAllParts_when_libpqUrlIsComplete() {
        DbSettings s = DbSettings.parseUrl("DATABASE_URL", "postgresql://app:s3cr%40t@db.example.com:6432/media?sslmode=require");
        assertThat(s.host()).isEqualTo("db.example.com");
        assertThat(s.port()).isEqualTo(6432);
        assertThat(s.database()).isEqualTo("media");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password().reveal()).isEqualTo("s3cr@t");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/media?sslmode=require");
    }

    @Test
    void parseUrl_should_defaultPort5432_when_portIsMissing() {
        assertThat(DbSettings.parseUrl("DATABASE_URL", "postgres://u:p@h/db").port()).isEqualTo(5432);
    }

    @Test
    void toString_should_maskPassword_when_printed() {
        DbSettings s = DbSettings.parseUrl("DATABASE_URL", "postgresql://app:hunter2@h:5432/db");
        assertThat(s.toString()).doesNotContain("hunter2").contains("password=****");
    }

    @Test
    void parseUrl_should_nameVariable_when_schemeIsWrong() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DbSettings.parseUrl("DATABASE_URL", "mysql://u:p@h/db"));
        assertThat(e.getMessage()).isEqualTo("DATABASE_URL: scheme must be postgresql:// (got 'mysql')");
        assertThat(e.variable()).isEqualTo("DATABASE_URL");
    }

    @Test
    void parseUrl_should_nameVariable_when_databaseIsMissing() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DbSettings.parseUrl("DATABASE_URL", "postgresql://u:p@h:5432/"));
        assertThat(e.getMessage()).isEqualTo(
                "DATABASE_URL: has no database name (expected postgresql://user:password@host:5432/dbname)");
    }

    @Test
    void parseUrl_should_notEchoValue_when_urlIsUnparseable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DbSettings.parseUrl("DATABASE_URL", "postgresql://u:pa ss@h/db"));
        assertThat(e.getMessage()).isEqualTo(
                "DATABASE_URL: is not a valid URL (expected postgresql://user:password@host:5432/dbname)");
    }

    @Test
    void parseUrl_should_sayRequired_when_unset() {
        ConfigException e = assertThrows(ConfigException.class, () -> DbSettings.parseUrl("DATABASE_URL", null));
        assertThat(e.getMessage()).isEqualTo("DATABASE_URL: is required but not set");
    }
}
