package dev.restow.ecal.db;

import dev.restow.local.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/** A fresh database with the original tool's {@code ecal} table, on the shared local PostgreSQL. */
final class EcalDb {
    final DataSource dataSource;

    EcalDb() {
        LocalPostgres pg = LocalPostgres.shared();
        dataSource = pg.dataSource(pg.createDatabase());
        exec("CREATE TABLE ecal (ecal_id VARCHAR(64) PRIMARY KEY, ecal_name TEXT, recording_start_time TIMESTAMP,"
                + " upload_start_time TIMESTAMP, upload_end_time TIMESTAMP, map TEXT, size_gb DECIMAL,"
                + " length INTEGER, is_valid BOOLEAN, invalid_reason_id INTEGER, recording_end_time TIMESTAMP)");
    }

    void row(String id, String url, LocalDateTime start) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ecal (ecal_id, ecal_name, recording_start_time, size_gb) VALUES (?, ?, ?, 1.5)")) {
            ps.setString(1, id);
            ps.setString(2, url);
            ps.setObject(3, start);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
