package dev.restow.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.restow.azure.blob.RequestCounter;
import dev.restow.azure.durable.DurableClock;
import dev.restow.azure.durable.HistoryStats;
import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.azure.migration.AzureMigrationRuntime;
import dev.restow.azure.migration.MigrationOrchestrator;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.blob.CountingBlobStore;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.local.LocalAzurite;
import dev.restow.local.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One ECAL directory of N blobs (default 1,000; {@code -Dblobs=}) on Azurite, migrated end to end
 * (list, copy in waves, verify, row update, delete) by the real orchestrators through the in-process
 * durable runner, against local PostgreSQL. Prints storage API calls per blob (at the
 * {@link dev.restow.ecal.blob.BlobStore} port and as HTTP requests) and the orchestration history
 * size (events, protobuf bytes) a durable backend would store.
 *
 * <p>System properties: {@code blobs} (1000), {@code blobSize} (bytes, 1024), {@code waveSize} (50).
 */
public final class EcalBenchmark {

    private EcalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quiet();
        int blobs = Integer.getInteger("blobs", 1000);
        int blobSize = Integer.getInteger("blobSize", 1024);
        int waveSize = Integer.getInteger("waveSize", MigrationInput.DEFAULT_WAVE_SIZE);
        LocalAzurite azurite = LocalAzurite.shared();
        LocalPostgres pg = LocalPostgres.shared();
        String db = pg.createDatabase();
        String suffix = Long.toHexString(System.nanoTime() & 0xffffff);
        EcalConfig config = EcalConfig.load(Env.of(Map.of(
                EcalConfig.DB_HOST, pg.host(), EcalConfig.DB_PORT, Integer.toString(pg.port()),
                EcalConfig.DB_NAME, db, EcalConfig.DB_USER, pg.user(), EcalConfig.DB_PASSWORD, pg.password(),
                EcalConfig.SOURCE_CONNECTION_STRING, azurite.connectionString("hotstore"),
                EcalConfig.SOURCE_CONTAINER, "bench-hot-" + suffix,
                EcalConfig.COLD_CONNECTION_STRING, azurite.connectionString("coldstore"),
                EcalConfig.COLD_CONTAINER, "bench-cold-" + suffix)));

        BlobContainerClient hot = new BlobServiceClientBuilder().connectionString(azurite.connectionString("hotstore"))
                .buildClient().createBlobContainer(config.sourceContainer());
        new BlobServiceClientBuilder().connectionString(azurite.connectionString("coldstore")).buildClient()
                .createBlobContainer(config.coldContainer());
        LocalDate day = LocalDate.of(2025, 2, 14);
        String dir = "recording/" + day + "/bench/20250214T120000/";
        long uploadStart = System.nanoTime();
        upload(hot, dir, blobs, blobSize);
        double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
        try (Connection c = pg.dataSource(db).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ecal (ecal_id VARCHAR(64) PRIMARY KEY, ecal_name TEXT,"
                    + " recording_start_time TIMESTAMP, upload_start_time TIMESTAMP, upload_end_time TIMESTAMP,"
                    + " map TEXT, size_gb DECIMAL, length INTEGER, is_valid BOOLEAN, invalid_reason_id INTEGER,"
                    + " recording_end_time TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ecal (ecal_id, ecal_name, recording_start_time) VALUES ('bench', ?, ?)")) {
                ps.setString(1, azurite.blobEndpoint("hotstore") + "/" + config.sourceContainer() + "/" + dir
                        + "bench.ecalmeas");
                ps.setObject(2, day.atTime(12, 0));
                ps.executeUpdate();
            }
        }

        RequestCounter http = new RequestCounter();
        List<CountingBlobStore> ports = new CopyOnWriteArrayList<>();
        try (AzureMigrationRuntime runtime = AzureMigrationRuntime.create(config, List.of(http), store -> {
            CountingBlobStore counting = new CountingBlobStore(store);
            ports.add(counting);
            return counting;
        }); InProcessDurableRunner runner = runtime.activities().registerWith(InProcessDurableRunner.builder()
                .clock(DurableClock.system())).build()) {
            long start = System.nanoTime();
            RunResult r = runner.run(MigrationOrchestrator.NAME, "bench-" + suffix,
                    config.tune(MigrationInput.ofIds(List.of("bench"), "")).withParallelism(1, waveSize));
            double seconds = (System.nanoTime() - start) / 1e9;
            MigrationSummary s = r.output(MigrationSummary.class);
            int n = blobs + 1;

            System.out.printf(Locale.ROOT, "ECAL migration benchmark: one directory, %d blobs of %d bytes (+ the"
                    + " .ecalmeas), wave size %d, Azurite %s + PostgreSQL (%s)%n", blobs, blobSize, waveSize,
                    LocalAzurite.VERSION, pg.engineName());
            System.out.printf(Locale.ROOT, "  outcome: %s; %d blobs, %d bytes; copies started %d, reused %d,"
                    + " source blobs deleted %d%n", s.records().get(0).outcome(), s.blobs(), s.bytes(), s.copied(),
                    s.reused(), s.deleted());
            System.out.printf(Locale.ROOT, "  time: upload %.1f s (setup), migration %.1f s (%.0f blobs/s)%n",
                    uploadSeconds, seconds, n / seconds);
            Map<String, Long> byOp = new TreeMap<>();
            ports.forEach(p -> p.snapshot().forEach((k, v) -> byOp.merge(k, v, Long::sum)));
            long portTotal = byOp.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "  storage calls at the BlobStore port: %d = %.2f per blob %s%n", portTotal,
                    portTotal / (double) n, perBlob(byOp, n));
            System.out.printf(Locale.ROOT, "  storage HTTP requests:               %d = %.2f per blob %s%n",
                    http.total(), http.total() / (double) n, perBlob(http.snapshot(), n));
            print("orchestration history, migration instance", r.history());
            print("orchestration history, all instances", r.total());
            System.out.printf(Locale.ROOT, "  episodes (replays) of the migration instance: %d; activity executions:"
                    + " %s%n", r.episodes(), r.activityCalls());
        }
        System.exit(0);
    }

    /** Warnings only: the numbers are the output. */
    private static void quiet() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            // the JDK client warns on every upload that it drops the restricted content-length header
            ctx.getLogger("com.azure.core.http.jdk.httpclient").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static void print(String what, HistoryStats h) {
        System.out.printf(Locale.ROOT, "  %s: %d instance(s), %d events, %d bytes (%.1f KiB), largest event %d"
                + " bytes, largest instance %d bytes%n", what, h.instances(), h.events(), h.bytes(), h.bytes() / 1024.0,
                h.largestEvent(), h.largestInstanceBytes());
    }

    private static String perBlob(Map<String, Long> counts, int n) {
        StringBuilder b = new StringBuilder("(");
        counts.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v / (double) n)));
        return b.append(')').toString();
    }

    private static void upload(BlobContainerClient hot, String dir, int blobs, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            futures.add(pool.submit(() -> hot.getBlobClient(dir + "bench.ecalmeas")
                    .upload(BinaryData.fromString("measurement"), true)));
            for (int i = 0; i < blobs; i++) {
                String name = dir + (i % 4 == 0 ? "" : "ch" + (i % 4) + "/") + String.format("blob-%05d.bin", i);
                byte[] b = new byte[size];
                new Random(i).nextBytes(b);
                futures.add(pool.submit(() -> hot.getBlobClient(name).upload(BinaryData.fromBytes(b), true)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
