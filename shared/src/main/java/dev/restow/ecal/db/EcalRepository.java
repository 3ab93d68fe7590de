package dev.restow.ecal.db;

import dev.restow.db.Sql;
import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.selection.Selection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code ecal} table: selecting records and pointing rows at their new URL. No session state
 * (RDS-Proxy/pgbouncer safe); every statement has a client-side timeout.
 */
public final class EcalRepository {
    private final DataSource dataSource;
    private final SqlIdentifier table;
    private final Duration timeout;

    public EcalRepository(DataSource dataSource, SqlIdentifier table, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.timeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    public SqlIdentifier table() {
        return table;
    }

    /**
     * The rows a selection covers: for ids in the order given (unknown ids are simply absent), else by
     * {@code recording_start_time} then id. Dates are inclusive calendar days.
     */
    public List<EcalRow> find(Selection selection) {
        String columns = "SELECT ecal_id, ecal_name, recording_start_time, size_gb FROM " + table.quoted();
        try (Connection c = dataSource.getConnection()) {
            if (selection instanceof Selection.ByIds ids) {
                Map<String, EcalRow> byId = new LinkedHashMap<>();
                try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(columns + " WHERE ecal_id = ANY (?)"),
                        timeout)) {
                    ps.setArray(1, c.createArrayOf("varchar", ids.ids().toArray()));
                    for (EcalRow r : rows(ps)) {
                        byId.put(r.ecalId(), r);
                    }
                }
                List<EcalRow> ordered = new ArrayList<>();
                for (String id : new java.util.LinkedHashSet<>(ids.ids())) {
                    EcalRow r = byId.get(id);
                    if (r != null) {
                        ordered.add(r);
                    }
                }
                return ordered;
            }
            LocalDate from;
            LocalDate to;
            if (selection instanceof Selection.OnDate day) {
                from = day.date();
                to = day.date();
            } else if (selection instanceof Selection.Between range) {
                from = range.from();
                to = range.to();
            } else {
                throw new IllegalArgumentException("unknown selection " + selection);
            }
            try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(columns
                    + " WHERE recording_start_time >= ? AND recording_start_time < ?"
                    + " ORDER BY recording_start_time, ecal_id"), timeout)) {
                ps.setObject(1, from.atStartOfDay());
                ps.setObject(2, to.plusDays(1).atStartOfDay());
                return rows(ps);
            }
        } catch (SQLException e) {
            throw new EcalDbException("selecting " + selection.describe() + " from " + table, e);
        }
    }

    /** The rows whose {@code ecal_name} starts with any of {@code urlPrefixes}. */
    public List<EcalRow> rowsUnder(Collection<String> urlPrefixes) {
        if (urlPrefixes.isEmpty()) {
            return List.of();
        }
        List<String> patterns = urlPrefixes.stream().map(p -> likeEscape(p) + "%").toList();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement(
                     "SELECT ecal_id, ecal_name, recording_start_time, size_gb FROM " + table.quoted()
                             + " WHERE ecal_name LIKE ANY (?) ORDER BY ecal_id"), timeout)) {
            ps.setArray(1, c.createArrayOf("text", patterns.toArray()));
            return rows(ps);
        } catch (SQLException e) {
            throw new EcalDbException("looking for rows under " + urlPrefixes.size() + " directories in " + table, e);
        }
    }

    /** The current {@code ecal_name} of a row, or empty when there is no such row. */
    public Optional<String> currentName(String ecalId) {
        try (Connection c = dataSource.getConnection()) {
            return currentName(c, ecalId);
        } catch (SQLException e) {
            throw new EcalDbException("reading " + table + " row " + ecalId, e);
        }
    }

    /** A row to point at its new URL. */
    public record Move(String ecalId, String oldUrl, String newUrl) {
        public Move {
            Objects.requireNonNull(ecalId, "ecalId");
            Objects.requireNonNull(oldUrl, "oldUrl");
            Objects.requireNonNull(newUrl, "newUrl");
        }
    }

    /**
     * What {@link #move} did.
     *
     * @param committed whether the transaction committed (every row now points at its new URL)
     * @param ecalId    the row that blocked it, when not committed
     * @param detail    why, when not committed
     */
    public record MoveResult(boolean committed, String ecalId, String detail) {
        static MoveResult ok() {
            return new MoveResult(true, "", "");
        }
    }

    /** Work done inside the move's transaction (the ledger's lines). */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Points every row at its new URL in one transaction:
     * {@code UPDATE ecal SET ecal_name = new WHERE ecal_id = ? AND ecal_name = old}. A row that already
     * holds the new URL counts as done (a repeated call); a row holding anything else rolls all back.
     * {@code alsoInTransaction} runs before the commit.
     */
    public MoveResult move(List<Move> moves, InTransaction alsoInTransaction) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement("UPDATE " + table.quoted()
                        + " SET ecal_name = ? WHERE ecal_id = ? AND ecal_name = ?"), timeout)) {
                    for (Move m : moves) {
                        ps.setString(1, m.newUrl());
                        ps.setString(2, m.ecalId());
                        ps.setString(3, m.oldUrl());
                        if (ps.executeUpdate() == 1) {
                            continue;
                        }
                        Optional<String> now = currentName(c, m.ecalId());
                        if (now.isPresent() && now.get().equals(m.newUrl())) {
                            continue;
                        }
                        c.rollback();
                        return new MoveResult(false, m.ecalId(), now.isEmpty() ? "row " + m.ecalId() + " is gone"
                                : "row " + m.ecalId() + " no longer points at " + m.oldUrl() + " (it points at "
                                + now.get() + ")");
                    }
                }
                alsoInTransaction.run(c);
                c.commit();
                return MoveResult.ok();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new EcalDbException("updating " + moves.size() + " rows of " + table, e);
        }
    }

    private Optional<String> currentName(Connection c, String ecalId) throws SQLException {
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement(
                "SELECT ecal_name FROM " + table.quoted() + " WHERE ecal_id = ?"), timeout)) {
            ps.setString(1, ecalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<EcalRow> rows(PreparedStatement ps) throws SQLException {
        List<EcalRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new EcalRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getObject(4, BigDecimal.class)));
            }
        }
        return out;
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
