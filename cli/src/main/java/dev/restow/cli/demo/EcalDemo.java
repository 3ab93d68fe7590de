package dev.restow.cli.demo;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.azure.durable.DurableClock;
import dev.restow.azure.durable.RunResult;
import dev.restow.azure.starter.StartResult;
import dev.restow.cli.CommandIo;
import dev.restow.cli.migrate.BlobProgress;
import dev.restow.cli.migrate.MigrationSession;
import dev.restow.cli.progress.Progress;
import dev.restow.cli.report.EcalTotals;
import dev.restow.cli.report.RecordLine;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import dev.restow.db.Pools;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import dev.restow.ecal.selection.MigrationRequest;
import dev.restow.ecal.selection.Preview;
import dev.restow.ecal.selection.Selection;
import dev.restow.local.LocalServers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ECAL half of the demo: recordings with nested directories across three days in Azurite's {@code hotstore}
 * account and an {@code ecal} table pointing at them; then {@code migrate --from --to --yes} as the command line runs
 * it (preview, plan, the real orchestrator in-process), and checks that rows point at {@code coldstore}, the copies
 * are all there with the right sizes and the sources are gone.
 */
final class EcalDemo {

    static final String SOURCE_CONTAINER = "recordings";
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 2, 13);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 2, 15);
    static final String TIER = "Cool";

    /** What the ECAL half did. */
    record Result(EcalTotals totals, List<String> problems, int records, long blobs, long bytes) {
    }

    /** One recording to create: its id, start, session and files (path under its directory, size). */
    private record Recording(String id, LocalDateTime start, String session, Map<String, Integer> files) {
        String directory() {
            return "recording/" + start.toLocalDate() + "/" + session + "/" + stamp() + "/";
        }

        String stamp() {
            return start.toString().replace("-", "").replace(":", "").substring(0, 15);
        }

        String measurement() {
            return stamp() + ".ecalmeas";
        }

        long bytes() {
            return files.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    private final CommandIo io;
    private final LocalServers servers;

    EcalDemo(CommandIo io, LocalServers servers) {
        this.io = io;
        this.servers = servers;
    }

    Env environment(String database) {
        Map<String, String> env = new HashMap<>();
        env.put(EcalConfig.DB_HOST, servers.postgres().host());
        env.put(EcalConfig.DB_PORT, String.valueOf(servers.postgres().port()));
        env.put(EcalConfig.DB_NAME, database);
        env.put(EcalConfig.DB_USER, servers.postgres().user());
        env.put(EcalConfig.DB_PASSWORD, servers.postgres().password());
        env.put(EcalConfig.SOURCE_CONNECTION_STRING, servers.azurite().connectionString("hotstore"));
        env.put(EcalConfig.SOURCE_CONTAINER, SOURCE_CONTAINER);
        env.put(EcalConfig.COLD_CONNECTION_STRING, servers.azurite().connectionString("coldstore"));
        env.put(EcalConfig.TIER, TIER);
        return Env.of(env);
    }

    Result run() throws Exception {
        String database = servers.postgres().createDatabase();
        EcalConfig config = EcalConfig.load(environment(database));
        BlobServiceClient hot = new BlobServiceClientBuilder()
                .connectionString(servers.azurite().connectionString("hotstore")).buildClient();
        BlobServiceClient cold = new BlobServiceClientBuilder()
                .connectionString(servers.azurite().connectionString("coldstore")).buildClient();
        BlobContainerClient source = hot.createBlobContainerIfNotExists(SOURCE_CONTAINER);
        BlobContainerClient target = cold.createBlobContainerIfNotExists(config.coldContainer());
        List<Recording> recordings = recordings();
        long blobs = recordings.stream().mapToLong(r -> r.files().size()).sum();
        long bytes = recordings.stream().mapToLong(Recording::bytes).sum();
        upload(source, recordings);
        String hotBase = servers.azurite().blobEndpoint("hotstore") + "/" + SOURCE_CONTAINER + "/";
        try (HikariDataSource ds = Pools.create(config.db(), "restow-demo-ecal")) {
            insert(ds, recordings, hotBase);
            io.err().println("demo: ecal: " + recordings.size() + " recordings (" + blobs + " blobs, "
                    + dev.restow.cli.report.Sizes.bytes(bytes) + ") from " + FIRST_DAY + " to " + LAST_DAY
                    + " in hotstore/" + SOURCE_CONTAINER);

            List<String> problems = new ArrayList<>();
            BlobProgress progress = new BlobProgress();
            MigrationSummary summary;
            try (MigrationSession session = new MigrationSession(config, DurableClock.skipping(), progress)) {
                Selection range = new Selection.Between(FIRST_DAY, LAST_DAY);
                StartResult previewed = session.start(new MigrationRequest(range, true, true, TIER, ""));
                Preview preview = ((StartResult.Previewed) previewed).preview();
                io.err().println("demo: ecal: preview of " + range.describe() + ": " + preview.recordCount()
                        + " recordings, plan " + preview.plan() + "; starting EcalMigration in-process");
                StartResult started;
                try (Progress bar = Progress.start(io, "blobs", blobs, "blobs")) {
                    progress.attach(bar);
                    started = session.start(new MigrationRequest(range, false, true, TIER, preview.plan()));
                }
                if (!(started instanceof StartResult.Started s)) {
                    problems.add("the migration did not start: " + started);
                    return new Result(new EcalTotals(Map.of(), 0, 0, 0, 0, List.of()), problems, recordings.size(),
                            blobs, bytes);
                }
                RunResult run = session.result(s.instanceId()).orElseThrow();
                if (run.status() != RunResult.Status.COMPLETED) {
                    problems.add("the EcalMigration orchestration ended " + run.status() + ": " + run.failure());
                    return new Result(new EcalTotals(Map.of(), 0, 0, 0, 0, List.of()), problems, recordings.size(),
                            blobs, bytes);
                }
                summary = run.output(MigrationSummary.class);
            }
            if (summary.migrated() != recordings.size()) {
                problems.add(summary.migrated() + " of " + recordings.size() + " recordings were migrated");
            }
            summary.records().stream().filter(o -> !o.result().is(dev.restow.outcome.Status.CONVERTED))
                    .forEach(o -> problems.add("recording " + o.ecalId() + ": " + o.outcome() + " " + o.detail()));
            problems.addAll(verify(ds, recordings, source, target, hotBase,
                    servers.azurite().blobEndpoint("coldstore") + "/" + config.coldContainer() + "/"));
            return new Result(totals(summary), problems, recordings.size(), blobs, bytes);
        }
    }

    private static EcalTotals totals(MigrationSummary s) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<RecordLine> lines = new ArrayList<>();
        for (RecordOutcome o : s.records()) {
            outcomes.merge(o.outcome(), 1, Integer::sum);
            lines.add(new RecordLine(o.ecalId(), o.outcome(), o.sourceUrl(), o.coldUrl(), o.blobs(), o.bytes()));
        }
        lines.sort(java.util.Comparator.comparing(RecordLine::ecalId));
        int deletedDirs = (int) s.records().stream().filter(RecordOutcome::sourceDeleted).count();
        return new EcalTotals(outcomes, s.blobs(), s.bytes(), deletedDirs, s.deleted(), lines);
    }

    /** Six recordings over three days; each a directory with nested channel folders; one large. */
    private static List<Recording> recordings() {
        Random random = new Random(42);
        List<Recording> out = new ArrayList<>();
        String[] sessions = {"drive-017", "drive-018", "bench-03"};
        int n = 0;
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            for (int k = 0; k < 2; k++) {
                n++;
                LocalDateTime start = day.atTime(8 + 5 * k, 15 + n, 2);
                Map<String, Integer> files = new LinkedHashMap<>();
                String stamp = start.toString().replace("-", "").replace(":", "").substring(0, 15);
                files.put(stamp + ".ecalmeas", 2_000 + random.nextInt(2_000));
                files.put("meta/info.json", 500 + random.nextInt(500));
                files.put("meta/calibration/cam_front.yaml", 1_500 + random.nextInt(500));
                int frames = n == 3 ? 60 : 12 + random.nextInt(12);
                for (int f = 1; f <= frames; f++) {
                    files.put(String.format("channels/cam_front/%06d.dat", f), 60_000 + random.nextInt(120_000));
                }
                for (int f = 1; f <= frames / 3; f++) {
                    files.put(String.format("channels/lidar_top/%06d.pcd", f), 200_000 + random.nextInt(200_000));
                }
                files.put("channels/can/bus0.log", 1_000_000 + random.nextInt(1_000_000));
                out.add(new Recording(String.format("ecal-%s-%s", day.toString().replace("-", ""),
                        (char) ('a' + k)), start, sessions[(n - 1) % sessions.length], files));
            }
        }
        return out;
    }

    private static void upload(BlobContainerClient container, List<Recording> recordings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "restow-demo-upload");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> uploads = new ArrayList<>();
            long seed = 7;
            for (Recording rec : recordings) {
                for (Map.Entry<String, Integer> f : rec.files().entrySet()) {
                    long s = seed++;
                    uploads.add(pool.submit(() -> {
                        byte[] data = new byte[f.getValue()];
                        new Random(s).nextBytes(data);
                        container.getBlobClient(rec.directory() + f.getKey()).uploadWithResponse(
                                new BlobParallelUploadOptions(BinaryData.fromBytes(data))
                                        .setHeaders(new BlobHttpHeaders().setContentMd5(md5(data))
                                                .setContentType("application/octet-stream")),
                                null, null);
                        return null;
                    }));
                }
            }
            for (Future<?> f : uploads) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(HikariDataSource ds, List<Recording> recordings, String hotBase) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE ecal (ecal_id VARCHAR PRIMARY KEY, ecal_name TEXT, "
                        + "recording_start_time TIMESTAMP, upload_start_time TIMESTAMP, upload_end_time TIMESTAMP, "
                        + "map TEXT, size_gb DECIMAL, length INTEGER, is_valid BOOLEAN, invalid_reason_id INTEGER, "
                        + "recording_end_time TIMESTAMP)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ecal (ecal_id, ecal_name, recording_start_time, "
                    + "upload_start_time, upload_end_time, map, size_gb, length, is_valid, recording_end_time) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, ?)")) {
                for (Recording r : recordings) {
                    ps.setString(1, r.id());
                    ps.setString(2, hotBase + r.directory() + r.measurement());
                    ps.setTimestamp(3, Timestamp.valueOf(r.start()));
                    ps.setTimestamp(4, Timestamp.valueOf(r.start().plusHours(2)));
                    ps.setTimestamp(5, Timestamp.valueOf(r.start().plusHours(3)));
                    ps.setString(6, "proving-ground-" + (r.id().hashCode() & 3));
                    ps.setBigDecimal(7, BigDecimal.valueOf(r.bytes()).divide(BigDecimal.valueOf(1_000_000_000L), 6,
                            RoundingMode.HALF_UP));
                    ps.setInt(8, 1800);
                    ps.setTimestamp(9, Timestamp.valueOf(r.start().plusMinutes(30)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Rows point at the cold account, every blob is there with its size, and nothing is left in the source. */
    private static List<String> verify(HikariDataSource ds, List<Recording> recordings, BlobContainerClient source,
                                       BlobContainerClient target, String hotBase, String coldBase)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ecal_name FROM ecal WHERE ecal_id = ?")) {
            for (Recording r : recordings) {
                ps.setString(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    String name = rs.next() ? rs.getString(1) : null;
                    String expected = coldBase + r.directory() + r.measurement();
                    if (!expected.equals(name)) {
                        problems.add("ecal " + r.id() + " points at " + name + ", expected " + expected);
                    }
                }
            }
        }
        for (Recording r : recordings) {
            Map<String, Long> copies = new HashMap<>();
            for (BlobItem b : target.listBlobs(new ListBlobsOptions().setPrefix(r.directory()), null)) {
                copies.put(b.getName().substring(r.directory().length()), b.getProperties().getContentLength());
            }
            for (Map.Entry<String, Integer> f : r.files().entrySet()) {
                Long size = copies.get(f.getKey());
                if (size == null || size.longValue() != f.getValue()) {
                    problems.add("cold copy of " + r.directory() + f.getKey() + " is " + (size == null ? "missing"
                            : size + " bytes instead of " + f.getValue()));
                }
            }
            if (source.listBlobs(new ListBlobsOptions().setPrefix(r.directory()), null).iterator().hasNext()) {
                problems.add("source directory " + hotBase + r.directory() + " still holds blobs");
            }
        }
        return problems;
    }
}
