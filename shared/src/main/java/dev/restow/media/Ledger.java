package dev.restow.media;

import dev.restow.db.Sql;
import dev.restow.db.SqlIdentifier;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Status;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The table recording every row's fate, created if absent. One entry per (source, row, column, old value), keyed by
 * a client-made name-based UUID ({@link #entryId}) rather than a sequence, so that inserts need no session state
 * behind RDS Proxy and duplicates collapse with {@code ON CONFLICT}.
 *
 * <p>A final entry (converted, skipped, rejected) is never replaced; a {@code failed} entry is replaced by the next
 * attempt's outcome. Thread-safe.
 */
public final class Ledger {

    private final DataSource dataSource;
    private final SqlIdentifier table;
    private final Duration timeout;
    private volatile boolean created;

    public Ledger(DataSource dataSource, SqlIdentifier table, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.timeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    public SqlIdentifier table() {
        return table;
    }

    /** The entry key of (source, id, column, old value): a name-based (MD5) UUID. */
    public static UUID entryId(String source, String id, String column, String oldValue) {
        String name = source + '\u001f' + id + '\u001f' + column + '\u001f' + oldValue;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the table exists (known once created or seen; else asked of the database, without creating it). */
    public boolean exists() throws SQLException {
        if (created) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("SELECT to_regclass(?) IS NOT NULL"), timeout)) {
            ps.setString(1, table.quoted());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Creates the table if absent; safe to call from many containers at once. Remembers success. */
    public void createIfAbsent() throws SQLException {
        if (created) {
            return;
        }
        String sql = "CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                + "entry_id uuid PRIMARY KEY, "
                + "source text NOT NULL, "
                + "row_id text NOT NULL, "
                + "column_name text NOT NULL, "
                + "old_value text NOT NULL, "
                + "new_value text NOT NULL DEFAULT '', "
                + "outcome text NOT NULL, "
                + "reason text NOT NULL DEFAULT '', "
                + "bytes_in bigint NOT NULL DEFAULT 0, "
                + "bytes_out bigint NOT NULL DEFAULT 0, "
                + "run_id text NOT NULL DEFAULT '', "
                + "attempts integer NOT NULL DEFAULT 1, "
                + "recorded_at timestamptz NOT NULL DEFAULT now())";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute(sql);
        } catch (SQLException e) {
            if (!isConcurrentCreate(e)) {
                throw e;
            }
        }
        created = true;
    }

    static boolean isConcurrentCreate(SQLException e) {
        // two sessions racing on CREATE TABLE IF NOT EXISTS: unique_violation on pg_type, or duplicate_table
        return "23505".equals(e.getSQLState()) || "42P07".equals(e.getSQLState());
    }

    /**
     * Records an entry on its own connection.
     *
     * @return true when written; false when a final entry for the same key was already there
     */
    public boolean record(LedgerEntry entry) throws SQLException {
        createIfAbsent();
        try (Connection c = dataSource.getConnection()) {
            return record(c, entry);
        }
    }

    /**
     * Records an entry on the caller's connection (inside its transaction): inserted if absent, replacing only a
     * {@code failed} entry.
     *
     * @return true when written; false when a final entry for the same key was already there
     */
    public boolean record(Connection c, LedgerEntry e) throws SQLException {
        String sql = "INSERT INTO " + table.quoted() + " AS l (entry_id, source, row_id, column_name, old_value, "
                + "new_value, outcome, reason, bytes_in, bytes_out, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (entry_id) DO UPDATE SET new_value = EXCLUDED.new_value, outcome = EXCLUDED.outcome, "
                + "reason = EXCLUDED.reason, bytes_in = EXCLUDED.bytes_in, bytes_out = EXCLUDED.bytes_out, "
                + "run_id = EXCLUDED.run_id, attempts = l.attempts + 1, recorded_at = now() "
                + "WHERE l.outcome = 'failed'";
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql), timeout)) {
            ps.setObject(1, e.entryId());
            ps.setString(2, e.source());
            ps.setString(3, e.id());
            ps.setString(4, e.column());
            ps.setString(5, e.oldValue());
            ps.setString(6, e.newValue());
            ps.setString(7, e.outcome().status().label());
            ps.setString(8, e.outcome().reason());
            ps.setLong(9, e.bytesIn());
            ps.setLong(10, e.bytesOut());
            ps.setString(11, e.runId());
            return ps.executeUpdate() == 1;
        }
    }

    /** Of the given entry ids, those whose entry holds a final outcome (anything but {@code failed}). */
    public Set<UUID> finalEntries(Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (!exists()) {
            return Set.of(); // nothing recorded yet (a dry run does not create the table)
        }
        String sql = "SELECT entry_id FROM " + table.quoted() + " WHERE entry_id = ANY (?) AND outcome <> 'failed'";
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql), timeout)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    /** The entry for (source, id, column, old value), if any. */
    public Optional<LedgerEntry> find(String source, String id, String column, String oldValue) throws SQLException {
        createIfAbsent();
        List<LedgerEntry> found = query(" WHERE entry_id = ?", entryId(source, id, column, oldValue));
        return found.stream().findFirst();
    }

    /** Every entry, oldest first (for tests and reports; the table may be large). */
    public List<LedgerEntry> all() throws SQLException {
        createIfAbsent();
        return query(" ORDER BY recorded_at, source, row_id, column_name", null);
    }

    private List<LedgerEntry> query(String where, UUID param) throws SQLException {
        String sql = "SELECT source, row_id, column_name, old_value, new_value, outcome, reason, bytes_in, bytes_out, "
                + "run_id, recorded_at FROM " + table.quoted() + where;
        List<LedgerEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql), timeout)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Status status = Status.parse(rs.getString(6));
                    Outcome outcome = status == Status.CONVERTED ? Outcome.converted()
                            : new Outcome(status, rs.getString(7));
                    Timestamp at = rs.getTimestamp(11);
                    out.add(new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), outcome, rs.getLong(8), rs.getLong(9), rs.getString(10),
                            at == null ? null : at.toInstant()));
                }
            }
        }
        return out;
    }
}
