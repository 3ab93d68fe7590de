package dev.restow.azure.migration;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.restow.azure.blob.AzureStorageClients;
import dev.restow.azure.durable.DurableClock;
import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import dev.restow.db.Pools;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.db.MigrationLedger;
import dev.restow.ecal.migration.MigrationSteps;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.local.LocalAzurite;
import dev.restow.local.LocalPostgres;
import com.azure.core.util.BinaryData;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One test's world on real servers: Azurite (accounts {@code hotstore} and {@code coldstore}, fresh
 * containers), PostgreSQL (a fresh database with the {@code ecal} table), the cold account reached
 * through a {@link FaultProxy}, and the migration's activities wired as in Azure.
 */
final class EcalWorld implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final LocalAzurite azurite = LocalAzurite.shared();
    final String sourceContainer;
    final String coldContainer;
    final EcalConfig config;
    final HikariDataSource dataSource;
    final FaultProxy proxy;
    final RecordingBlobStore coldStore;
    final MigrationSteps steps;
    final MigrationActivities activities;
    final MigrationLedger ledger;
    final BlobContainerClient hot;
    final BlobContainerClient cold;

    EcalWorld() {
        int n = COUNTER.incrementAndGet();
        String suffix = n + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        sourceContainer = "hot-" + suffix;
        coldContainer = "cold-" + suffix;
        LocalPostgres pg = LocalPostgres.shared();
        String db = pg.createDatabase();
        config = EcalConfig.load(Env.of(Map.of(
                EcalConfig.DB_HOST, pg.host(),
                EcalConfig.DB_PORT, Integer.toString(pg.port()),
                EcalConfig.DB_NAME, db,
                EcalConfig.DB_USER, pg.user(),
                EcalConfig.DB_PASSWORD, pg.password(),
                EcalConfig.SOURCE_CONNECTION_STRING, azurite.connectionString("hotstore"),
                EcalConfig.SOURCE_CONTAINER, sourceContainer,
                EcalConfig.COLD_CONNECTION_STRING, azurite.connectionString("coldstore"),
                EcalConfig.COLD_CONTAINER, coldContainer)));
        hot = new BlobServiceClientBuilder().connectionString(azurite.connectionString("hotstore")).buildClient()
                .createBlobContainer(sourceContainer);
        cold = new BlobServiceClientBuilder().connectionString(azurite.connectionString("coldstore")).buildClient()
                .createBlobContainer(coldContainer);
        try {
            proxy = new FaultProxy(URI.create("http://127.0.0.1:" + azurite.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String proxied = "DefaultEndpointsProtocol=http;AccountName=coldstore;AccountKey="
                + azurite.accountKey("coldstore") + ";BlobEndpoint=http://127.0.0.1:" + proxy.port() + "/coldstore;";
        EcalConfig.StorageAccess coldAccess = EcalConfig.StorageAccess.parse("TEST", dev.restow.config.Secret.of(proxied));
        coldStore = new RecordingBlobStore(AzureStorageClients.store(coldAccess, coldContainer, List.of()));
        dataSource = Pools.create(config.db().withPoolSize(6), "ecal-test");
        ledger = new MigrationLedger(dataSource, config.ledgerTable(), config.db().statementTimeout());
        BlobStore source = AzureStorageClients.store(config.source(), sourceContainer, List.of());
        steps = new MigrationSteps(config.locations(), c -> source, coldStore, dataSource, ledger,
                config.db().statementTimeout(), 8);
        activities = new MigrationActivities(steps);
        sql("CREATE TABLE ecal (ecal_id VARCHAR(64) PRIMARY KEY, ecal_name TEXT, recording_start_time TIMESTAMP,"
                + " upload_start_time TIMESTAMP, upload_end_time TIMESTAMP, map TEXT, size_gb DECIMAL,"
                + " length INTEGER, is_valid BOOLEAN, invalid_reason_id INTEGER, recording_end_time TIMESTAMP)");
    }

    /** A runner with the migration registered, on a skipping clock. */
    InProcessDurableRunner.Builder runner() {
        return activities.registerWith(InProcessDurableRunner.builder().clock(DurableClock.skipping())
                .activityThreads(4));
    }

    /** Runs a migration to its end. */
    RunResult migrate(String instanceId, MigrationInput input) {
        return migrate(instanceId, input, b -> { });
    }

    RunResult migrate(String instanceId, MigrationInput input, Consumer<InProcessDurableRunner.Builder> tune) {
        InProcessDurableRunner.Builder b = runner();
        tune.accept(b);
        try (InProcessDurableRunner runner = b.build()) {
            return runner.run(MigrationOrchestrator.NAME, instanceId, input);
        }
    }

    static MigrationSummary summary(RunResult r) {
        return r.output(MigrationSummary.class);
    }

    /** The one record's outcome of a run over one record. */
    static dev.restow.ecal.migration.RecordOutcome only(RunResult r) {
        List<dev.restow.ecal.migration.RecordOutcome> records = summary(r).records();
        if (records.size() != 1) {
            throw new IllegalStateException("expected one record, got " + records);
        }
        return records.get(0);
    }

    // ------------------------------------------------------------------------------------------------ data

    /** A recording's directory prefix. */
    static String directory(LocalDate date, String session, String timestampDir) {
        return "recording/" + date + "/" + session + "/" + timestampDir + "/";
    }

    /**
     * Uploads a recording (the {@code .ecalmeas} file plus {@code files}, names relative to its
     * directory) and inserts its row.
     *
     * @return the .ecalmeas blob name
     */
    String addRecording(String ecalId, LocalDate date, String session, String timestampDir,
                        Map<String, byte[]> files) {
        String dir = directory(date, session, timestampDir);
        String meas = dir + ecalId + ".ecalmeas";
        upload(meas, ("measurement " + ecalId).getBytes());
        files.forEach((name, bytes) -> upload(dir + name, bytes));
        insertRow(ecalId, sourceUrl(meas), date.atTime(9, 30));
        return meas;
    }

    void upload(String name, byte[] bytes) {
        hot.getBlobClient(name).upload(BinaryData.fromBytes(bytes), true);
    }

    void insertRow(String ecalId, String url, LocalDateTime start) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ecal (ecal_id, ecal_name, recording_start_time, size_gb, is_valid) VALUES (?,?,?,?,true)")) {
            ps.setString(1, ecalId);
            ps.setString(2, url);
            ps.setObject(3, start);
            ps.setBigDecimal(4, new java.math.BigDecimal("0.01"));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String sourceUrl(String blobName) {
        return azurite.blobEndpoint("hotstore") + "/" + sourceContainer + "/" + blobName;
    }

    String coldUrl(String blobName) {
        return azurite.blobEndpoint("coldstore") + "/" + coldContainer + "/" + blobName;
    }

    /** Deterministic pseudo-random content. */
    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** {@code count} small files in nested directories plus {@code large} files of {@code largeSize} bytes. */
    static Map<String, byte[]> nestedFiles(int count, int large, int largeSize, long seed) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String dir = switch (i % 3) {
                case 0 -> "";
                case 1 -> "channels/";
                default -> "channels/can/raw/";
            };
            files.put(dir + "part-" + i + ".bin", bytes(200 + (i * 37) % 3000, seed + i));
        }
        for (int i = 0; i < large; i++) {
            files.put("video/cam-" + i + ".mp4", bytes(largeSize, seed * 31 + i));
        }
        return files;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Blob name -> MD5 hex of its content, for every blob under {@code prefix}. */
    static Map<String, String> digests(BlobContainerClient container, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
            byte[] content = container.getBlobClient(item.getName()).downloadContent().toBytes();
            out.put(item.getName(), md5(content));
        }
        return out;
    }

    /** Blob names under {@code prefix}. */
    static List<String> names(BlobContainerClient container, String prefix) {
        return container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream().map(BlobItem::getName)
                .toList();
    }

    /** Access tier of every blob under {@code prefix}. */
    static Map<String, String> tiers(BlobContainerClient container, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
            out.put(item.getName(), String.valueOf(item.getProperties().getAccessTier()));
        }
        return out;
    }

    String rowUrl(String ecalId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ecal_name FROM ecal WHERE ecal_id = ?")) {
            ps.setString(1, ecalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        steps.close();
        dataSource.close();
        proxy.close();
    }
}
