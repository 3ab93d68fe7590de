package dev.restow.ecal.db;

import dev.restow.db.Sql;
import dev.restow.db.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The migration's ledger: per record and orchestration instance, old and new URL, blobs, bytes,
 * outcome, when the row was committed and when the source was deleted; and, in
 * {@code <table>_deleted}, every deleted source blob with its ETag and time. Both tables are created
 * when absent; no sequences (keys are natural), no session state.
 */
public final class MigrationLedger {
    private final DataSource dataSource;
    private final SqlIdentifier table;
    private final SqlIdentifier deletedTable;
    private final Duration timeout;
    private volatile boolean ensured;

    public MigrationLedger(DataSource dataSource, SqlIdentifier table, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.deletedTable = SqlIdentifier.of(table + "_deleted");
        this.timeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    public SqlIdentifier table() {
        return table;
    }

    public SqlIdentifier deletedTable() {
        return deletedTable;
    }

    /** Creates the tables when absent (once per instance of this class; safe when several workers race). */
    public void ensureTables() {
        if (ensured) {
            return;
        }
        synchronized (this) {
            if (ensured) {
                return;
            }
            String ddl1 = "CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                    + "ecal_id VARCHAR(255) NOT NULL, instance_id TEXT NOT NULL, old_url TEXT NOT NULL,"
                    + " new_url TEXT NOT NULL, blobs INTEGER NOT NULL DEFAULT 0, bytes BIGINT NOT NULL DEFAULT 0,"
                    + " outcome TEXT NOT NULL DEFAULT 'started', detail TEXT NOT NULL DEFAULT '',"
                    + " committed_at TIMESTAMPTZ, source_deleted_at TIMESTAMPTZ,"
                    + " updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (ecal_id, instance_id))";
            String ddl2 = "CREATE TABLE IF NOT EXISTS " + deletedTable.quoted() + " ("
                    + "ecal_id VARCHAR(255) NOT NULL, blob_name TEXT NOT NULL, etag TEXT NOT NULL,"
                    + " instance_id TEXT NOT NULL, deleted_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (ecal_id, blob_name))";
            for (int attempt = 1; ; attempt++) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                    s.execute(ddl1);
                    s.execute(ddl2);
                    break;
                } catch (SQLException e) {
                    // two workers creating the same table at once: one loses with a unique violation; the table exists
                    if (attempt < 3 && ("23505".equals(e.getSQLState()) || "42P07".equals(e.getSQLState()))) {
                        continue;
                    }
                    throw new EcalDbException("creating ledger tables " + table + " and " + deletedTable, e);
                }
            }
            ensured = true;
        }
    }

    /** One record's line, written in the row update's transaction. */
    public record Entry(String ecalId, String instanceId, String oldUrl, String newUrl, int blobs, long bytes) {
        public Entry {
            Objects.requireNonNull(ecalId, "ecalId");
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(oldUrl, "oldUrl");
            Objects.requireNonNull(newUrl, "newUrl");
        }
    }

    /** Writes (or rewrites) the lines of committed records, inside the caller's transaction. */
    public void recordCommitted(Connection c, List<Entry> entries) throws SQLException {
        ensureTables();
        try (PreparedStatement ps = Sql.withTimeout(c.prepareStatement("INSERT INTO " + table.quoted()
                + " (ecal_id, instance_id, old_url, new_url, blobs, bytes, outcome, committed_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'committed', now(), now())"
                + " ON CONFLICT (ecal_id, instance_id) DO UPDATE SET old_url = EXCLUDED.old_url,"
                + " new_url = EXCLUDED.new_url, blobs = EXCLUDED.blobs, bytes = EXCLUDED.bytes,"
                + " outcome = 'committed', committed_at = COALESCE(" + table.quoted() + ".committed_at, now()),"
                + " updated_at = now()"), timeout)) {
            for (Entry e : entries) {
                ps.setString(1, e.ecalId());
                ps.setString(2, e.instanceId());
                ps.setString(3, e.oldUrl());
                ps.setString(4, e.newUrl());
                ps.setInt(5, e.blobs());
                ps.setLong(6, e.bytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A deleted source blob. */
    public record DeletedBlob(String blobName, String etag) {
    }

    /** Records deleted source blobs for each of {@code ecalIds} (idempotent). */
    public void recordDeleted(String instanceId, List<String> ecalIds, List<DeletedBlob> blobs) {
        if (blobs.isEmpty() || ecalIds.isEmpty()) {
            return;
        }
        ensureTables();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("INSERT INTO " + deletedTable.quoted()
                     + " (ecal_id, blob_name, etag, instance_id, deleted_at) VALUES (?, ?, ?, ?, now())"
                     + " ON CONFLICT (ecal_id, blob_name) DO NOTHING"), timeout)) {
            for (String id : ecalIds) {
                for (DeletedBlob b : blobs) {
                    ps.setString(1, id);
                    ps.setString(2, b.blobName());
                    ps.setString(3, b.etag());
                    ps.setString(4, instanceId);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new EcalDbException("recording " + blobs.size() + " deleted blobs in " + deletedTable, e);
        }
    }

    /**
     * Writes a record's final outcome (insert or update), with the time its source was deleted when
     * {@code sourceDeleted}.
     */
    public void recordOutcome(Entry entry, String outcome, String detail, boolean sourceDeleted) {
        ensureTables();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("INSERT INTO " + table.quoted()
                     + " (ecal_id, instance_id, old_url, new_url, blobs, bytes, outcome, detail, source_deleted_at,"
                     + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, now())"
                     + " ON CONFLICT (ecal_id, instance_id) DO UPDATE SET blobs = EXCLUDED.blobs,"
                     + " bytes = EXCLUDED.bytes, outcome = EXCLUDED.outcome, detail = EXCLUDED.detail,"
                     + " source_deleted_at = COALESCE(" + table.quoted() + ".source_deleted_at,"
                     + " EXCLUDED.source_deleted_at), updated_at = now()"), timeout)) {
            ps.setString(1, entry.ecalId());
            ps.setString(2, entry.instanceId());
            ps.setString(3, entry.oldUrl());
            ps.setString(4, entry.newUrl());
            ps.setInt(5, entry.blobs());
            ps.setLong(6, entry.bytes());
            ps.setString(7, outcome);
            ps.setString(8, detail == null ? "" : detail);
            ps.setBoolean(9, sourceDeleted);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EcalDbException("recording the outcome of " + entry.ecalId() + " in " + table, e);
        }
    }

    /** The source URL of the latest committed move of a record, if the ledger has one. */
    public Optional<String> lastCommittedOldUrl(String ecalId) {
        ensureTables();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("SELECT old_url FROM " + table.quoted()
                     + " WHERE ecal_id = ? AND committed_at IS NOT NULL ORDER BY committed_at DESC LIMIT 1"),
                     timeout)) {
            ps.setString(1, ecalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EcalDbException("reading the ledger of " + ecalId, e);
        }
    }

    /**
     * A ledger line as stored.
     *
     * @param committedAt     null until the row update committed
     * @param sourceDeletedAt null until every source blob was deleted
     */
    public record Line(String ecalId, String instanceId, String oldUrl, String newUrl, int blobs, long bytes,
                       String outcome, String detail, OffsetDateTime committedAt, OffsetDateTime sourceDeletedAt) {
    }

    /** Every line of a record, oldest first. */
    public List<Line> lines(String ecalId) {
        ensureTables();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("SELECT ecal_id, instance_id, old_url,"
                     + " new_url, blobs, bytes, outcome, detail, committed_at, source_deleted_at FROM "
                     + table.quoted() + " WHERE ecal_id = ? ORDER BY updated_at, instance_id"), timeout)) {
            ps.setString(1, ecalId);
            List<Line> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EcalDbException("reading the ledger of " + ecalId, e);
        }
    }

    /** Names of a record's deleted source blobs, sorted. */
    public List<String> deletedBlobs(String ecalId) {
        ensureTables();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = Sql.withTimeout(c.prepareStatement("SELECT blob_name FROM "
                     + deletedTable.quoted() + " WHERE ecal_id = ? ORDER BY blob_name"), timeout)) {
            ps.setString(1, ecalId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EcalDbException("reading deleted blobs of " + ecalId, e);
        }
    }
}
