package dev.restow.media;

import dev.restow.db.Sql;
import dev.restow.db.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Named leases with a time-to-live in a table created if absent: one row per name, so that a scheduled fan-out
 * does not start a second walk while one is going. A plain row with an expiry instead of an advisory lock, which
 * would pin the connection behind RDS Proxy. Times come from the database's clock. Thread-safe.
 */
public final class Lease {

    /** Who holds a lease and until when. */
    public record Holder(String name, String holder, Instant acquiredAt, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final SqlIdentifier table;
    private final Duration timeout;
    private volatile boolean created;

    public Lease(DataSource dataSource, SqlIdentifier table, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.timeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    public void createIfAbsent() throws SQLException {
        if (created) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " (name text PRIMARY KEY, holder text NOT NULL, "
                    + "acquired_at timestamptz NOT NULL, expires_at timestamptz NOT NULL)");
        } catch (SQLException e) {
            if (!Ledger.isConcurrentCreate(e)) {
                throw e;
            }
        }
        created = true;
    }

    /**
     * Takes the lease {@code name} for {@code holder} for {@code ttl}, or renews it when {@code holder} has it.
     *
     * @return true when {@code holder} now has the lease; false when someone else holds an unexpired one
     */
    public boolean acquire(String name, String holder, Duration ttl) throws SQLException {
        createIfAbsent();
        String sql = "INSERT INTO " + table.quoted() + " AS l (name, holder, acquired_at, expires_at) "
                + "VALUES (?, ?, now(), now() + make_interval(secs => ?)) "
                + "ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at, "
                + "acquired_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE now() END "
                + "WHERE l.expires_at < now() OR l.holder = EXCLUDED.holder";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql), timeout)) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.setDouble(3, ttl.toMillis() / 1000.0);
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives the lease up if {@code holder} has it. */
    public void release(String name, String holder) throws SQLException {
        createIfAbsent();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement(
                     "DELETE FROM " + table.quoted() + " WHERE name = ? AND holder = ?"), timeout)) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }

    /** The current holder of {@code name}, if its lease has not expired. */
    public Optional<Holder> current(String name) throws SQLException {
        createIfAbsent();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("SELECT name, holder, acquired_at, expires_at "
                     + "FROM " + table.quoted() + " WHERE name = ? AND expires_at >= now()"), timeout)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()));
            }
        }
    }
}
