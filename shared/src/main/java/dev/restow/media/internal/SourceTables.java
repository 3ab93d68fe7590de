package dev.restow.media.internal;

import dev.restow.db.Sql;
import dev.restow.db.SqlIdentifier;
import dev.restow.media.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Statements on the configured source tables. Names come from validated configuration and are quoted; values
 * are bound. Row keys travel as text and are bound untyped ({@link Types#OTHER}) so that PostgreSQL reads them
 * as the key column's own type (integer, uuid, text...) and its index serves the keyset and the update.
 */
public final class SourceTables {

    /** One row of a page: its key and the values of the source's columns, in column order (may be null). */
    public record Row(String id, List<String> values) {
    }

    /** A row's current value of one column; {@code exists} false when the row is gone or no longer selected. */
    public record Current(boolean exists, String value) {
    }

    private final Duration timeout;

    public SourceTables(Duration statementTimeout) {
        this.timeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    /** The page after {@code after} (null: from the start), ordered by key, at most {@code limit} rows. No OFFSET. */
    public List<Row> page(Connection c, Source s, String after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(s.key().quoted());
        for (SqlIdentifier col : s.columns()) {
            sql.append(", ").append(col.quoted());
        }
        sql.append(" FROM ").append(s.table().quoted());
        List<String> conditions = new ArrayList<>();
        for (SqlIdentifier f : s.where().keySet()) {
            conditions.add(f.quoted() + " = ?");
        }
        if (after != null) {
            conditions.add(s.key().quoted() + " > ?");
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(s.key().quoted()).append(" LIMIT ?");
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql.toString()), timeout)) {
            int i = bindWhere(ps, 1, s);
            if (after != null) {
                ps.setObject(i++, after, Types.OTHER);
            }
            ps.setInt(i, limit);
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>(s.columns().size());
                    for (int col = 0; col < s.columns().size(); col++) {
                        values.add(rs.getString(col + 2));
                    }
                    rows.add(new Row(rs.getString(1), values));
                }
            }
            return rows;
        }
    }

    /** The current value of {@code column} in row {@code id} (respecting the source's filter). */
    public Current current(Connection c, Source s, SqlIdentifier column, String id) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(column.quoted()).append(" FROM ")
                .append(s.table().quoted()).append(" WHERE ").append(s.key().quoted()).append(" = ?");
        for (SqlIdentifier f : s.where().keySet()) {
            sql.append(" AND ").append(f.quoted()).append(" = ?");
        }
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql.toString()), timeout)) {
            ps.setObject(1, id, Types.OTHER);
            bindWhere(ps, 2, s);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Current(true, rs.getString(1)) : new Current(false, null);
            }
        }
    }

    /** {@code UPDATE t SET col = new WHERE key = id AND col = old [AND filter]}: the number of rows changed (0 or 1). */
    public int updateIfUnchanged(Connection c, Source s, SqlIdentifier column, String id, String oldValue,
                                 String newValue) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(s.table().quoted()).append(" SET ")
                .append(column.quoted()).append(" = ? WHERE ").append(s.key().quoted()).append(" = ? AND ")
                .append(column.quoted()).append(" = ?");
        for (SqlIdentifier f : s.where().keySet()) {
            sql.append(" AND ").append(f.quoted()).append(" = ?");
        }
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql.toString()), timeout)) {
            ps.setString(1, newValue);
            ps.setObject(2, id, Types.OTHER);
            ps.setString(3, oldValue);
            bindWhere(ps, 4, s);
            return ps.executeUpdate();
        }
    }

    /**
     * Whether any row of any source (filters ignored: every row counts) still refers to the object {@code key}: a
     * value equal to one of {@code exactValues}, or ending in {@code /key} (plain or percent-encoded, optionally
     * followed by a query). Conservative: a match in another bucket also counts, so an original is kept rather
     * than lost. Scans the tables; used only when deleting originals is switched on.
     */
    public boolean isReferenced(Connection c, List<Source> sources, String key, List<String> exactValues)
            throws SQLException {
        Set<String> exact = new LinkedHashSet<>(exactValues);
        exact.add(key);
        exact.add(TargetKeys.encode(key));
        Set<String> patterns = new LinkedHashSet<>();
        for (String k : List.of(key, TargetKeys.encode(key))) {
            patterns.add("%/" + likeEscape(k));
            patterns.add("%/" + likeEscape(k) + "?%");
            patterns.add("%/" + likeEscape(k) + "#%");
        }
        for (Source s : sources) {
            List<String> ors = new ArrayList<>();
            for (SqlIdentifier col : s.columns()) {
                ors.add(col.quoted() + " = ANY (?)");
                ors.add(col.quoted() + " LIKE ANY (?)");
            }
            String sql = "SELECT 1 FROM " + s.table().quoted() + " WHERE " + String.join(" OR ", ors) + " LIMIT 1";
            try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(sql), timeout)) {
                int i = 1;
                for (int col = 0; col < s.columns().size(); col++) {
                    ps.setArray(i++, c.createArrayOf("text", exact.toArray()));
                    ps.setArray(i++, c.createArrayOf("text", patterns.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int bindWhere(PreparedStatement ps, int start, Source s) throws SQLException {
        int i = start;
        for (Map.Entry<SqlIdentifier, String> e : s.where().entrySet()) {
            ps.setObject(i++, e.getValue(), Types.OTHER);
        }
        return i;
    }

    static String likeEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || ch == '%' || ch == '_') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

}
