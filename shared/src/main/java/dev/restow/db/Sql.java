package dev.restow.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** Small JDBC helpers shared by the repositories. */
public final class Sql {
    private Sql() {
    }

    /** Applies the statement timeout client-side (no {@code SET statement_timeout}: keeps RDS Proxy unpinned). */
    public static PreparedStatement withTimeout(PreparedStatement ps, Duration timeout) throws SQLException {
        ps.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
        return ps;
    }

    /**
     * Whether the exception means the database could not be reached or the statement was cut off
     * (connection, timeout, cancel, serialization or deadlock): worth retrying later.
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") // connection exception
                        || state.startsWith("53") // insufficient resources
                        || state.startsWith("57") // operator intervention, query_canceled 57014
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
