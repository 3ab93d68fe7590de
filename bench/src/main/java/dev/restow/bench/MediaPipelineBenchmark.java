package dev.restow.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.aws.fanout.FanOutHandler;
import dev.restow.aws.image.ImageHandler;
import dev.restow.aws.wiring.Wiring;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.aws.sqs.SqsWorkQueue;
import dev.restow.bench.media.BenchImages;
import dev.restow.bench.media.CapturingTelemetry;
import dev.restow.bench.media.CodecSampler;
import dev.restow.local.LocalLambdaContext;
import dev.restow.bench.media.Options;
import dev.restow.bench.media.Phase;
import dev.restow.bench.media.PhaseClock;
import dev.restow.bench.media.Report;
import dev.restow.bench.media.TimedDataSource;
import dev.restow.bench.media.TimedObjectStore;
import dev.restow.bench.media.Worker;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.image.ImageCodec;
import dev.restow.local.LocalPostgres;
import dev.restow.local.LocalS3;
import dev.restow.local.LocalSqs;
import java.time.Duration;
import dev.restow.media.FanOutService;
import dev.restow.media.ImageProcessor;
import dev.restow.media.Lease;
import dev.restow.media.Ledger;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * End-to-end throughput of the AWS media job on the local stack (issue 2, acceptance 6): private PostgreSQL, S3
 * (S3Proxy) and SQS (ElasticMQ) servers in this JVM; the three default tables hold N image references (bare keys,
 * as Django stores them) spread over their five columns; the real {@link FanOutHandler} runs once, then the queue
 * is drained through the real {@link ImageHandler} in SQS batches the way Lambda's poller does (receive up to 10,
 * SQSEvent, handleRequest with a Context counting down from the function timeout, delete what did not fail).
 *
 * <p>Both handlers are wired from the same environment the Lambda functions would see, through their collaborator
 * constructors so that the object store and the connection pool can be timed ({@link TimedObjectStore},
 * {@link TimedDataSource}); the codec's time is the window between the GET and the next store or database call,
 * split into decode and encode by stack sampling ({@link CodecSampler}). A warm-up run (JIT, pools, connections)
 * goes first and is not reported.
 *
 * <p>Command and figures: docs/benchmarks.md ("Media pipeline"). Options: {@link Options#USAGE}.
 */
public final class MediaPipelineBenchmark {
    static {
        quietSimpleLogger(); // before the first logger is made
    }

    private static final Logger LOG = LoggerFactory.getLogger(MediaPipelineBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default sources' five URL columns, in the order images are spread over them. */
    private static final String[][] COLUMNS = {{"accounts_profile", "avatar"}, {"accounts_profile", "banner"},
            {"post_postmedia", "media_file"}, {"event_event", "cover"}, {"event_event", "poster"}};
    private static final long IMAGE_TIMEOUT_MILLIS = 180_000; // template.yaml ImageFunctionTimeout default
    private static final long FANOUT_TIMEOUT_MILLIS = 900_000; // template.yaml FanOutFunctionTimeout default
    private static final long WARMUP_ID_BASE = 1;
    private static final long MEASURED_ID_BASE = 1_000_000;
    private static final long MAX_DRAIN_MILLIS = 30 * 60_000;
    /** Without --images: every distinct image this many times, so that each weighs the same. */
    static final int DEFAULT_CYCLES = 4;

    private MediaPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MediaPipelineBenchmark: " + e.getMessage());
            System.err.println(Options.USAGE);
            throw e;
        }
        quietLogging();
        new MediaPipelineBenchmark().run(options);
    }

    /**
     * The servers' INFO lines and S3Proxy's ERROR line for every GetObjectTagging (it answers 501; the adapter copes)
     * would bury the report: WARN, and INFO for the benchmark's own progress lines, unless the user configured
     * logging. Logback (bench's backend; the logback.xml on the classpath is functions-aws' Lambda configuration)
     * is set here; slf4j-simple, should it be the provider, reads its settings from system properties when its
     * first logger is made.
     */
    private static void quietSimpleLogger() {
        String p = "org.slf4j.simpleLogger.";
        if (System.getProperty(p + "defaultLogLevel") == null) {
            System.setProperty(p + "defaultLogLevel", "warn");
            System.setProperty(p + "log.dev.restow.bench", "info");
            System.setProperty(p + "log.org.gaul.s3proxy.S3ProxyHandler", "off");
        }
    }

    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.restow.bench")).setLevel(Level.INFO);
            // S3Proxy logs an ERROR for every GetObjectTagging, which it answers 501 (the adapter copes)
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.gaul.s3proxy.S3ProxyHandler"))
                    .setLevel(Level.OFF);
        }
    }

    private void run(Options o) throws Exception {
        String loadBefore = load();
        long t0 = System.nanoTime();
        CompletableFuture<LocalPostgres> pgF = CompletableFuture.supplyAsync(LocalPostgres::start);
        CompletableFuture<LocalS3> s3F = CompletableFuture.supplyAsync(LocalS3::start);
        CompletableFuture<LocalSqs> sqsF = CompletableFuture.supplyAsync(LocalSqs::start);
        try (LocalPostgres pg = pgF.get(); LocalS3 s3Server = s3F.get(); LocalSqs sqsServer = sqsF.get()) {
            LOG.info("local servers up in {} s: PostgreSQL ({}) :{}, S3 :{}, SQS :{}", seconds(System.nanoTime() - t0),
                    pg.engineName(), pg.port(), s3Server.port(), sqsServer.port());
            String db = pg.createDatabase();
            String bucket = "media";
            s3Server.createBucket(bucket);
            // the template's visibility timeout: six times the image function's timeout
            String workQueue = sqsServer.createQueue("restow-work",
                    Map.of("VisibilityTimeout", Long.toString(6 * IMAGE_TIMEOUT_MILLIS / 1000)));
            String controlQueue = sqsServer.createQueue("restow-control");

            Map<String, String> vars = new HashMap<>();
            vars.put(MediaConfig.DATABASE_URL, pg.libpqUrl(db));
            vars.put(MediaConfig.BUCKET, bucket);
            vars.put(MediaConfig.S3_ENDPOINT, s3Server.endpoint().toString());
            vars.put(MediaConfig.S3_REGION, s3Server.region());
            vars.put(MediaConfig.ACCESS_KEY_ID, s3Server.accessKey());
            vars.put(MediaConfig.SECRET_ACCESS_KEY, s3Server.secretKey());
            vars.put(MediaConfig.QUEUE_URL, workQueue);
            vars.put(MediaConfig.CONTROL_QUEUE_URL, controlQueue);
            vars.put(MediaConfig.SQS_ENDPOINT, sqsServer.endpoint().toString());
            o.method().ifPresent(m -> vars.put(MediaConfig.WEBP_METHOD, Integer.toString(m)));
            o.quality().ifPresent(q -> vars.put(MediaConfig.WEBP_QUALITY, Integer.toString(q)));
            Env env = Env.of(vars);
            MediaConfig config = MediaConfig.load(env);
            createDefaultTables(pg.dataSource(db));

            BenchImages images = BenchImages.load(o.generated());
            LOG.info("images: {}", images.origin());
            PhaseClock clock = new PhaseClock();
            CapturingTelemetry telemetry = new CapturingTelemetry();
            List<AutoCloseable> closeLater = new ArrayList<>();
            try (CodecSampler sampler = new CodecSampler(clock, o.sampleMs())) {
                // the fan-out function's container
                HikariDataSource fanOutPool = Wiring.dataSource(config, env, "bench-fanout");
                SqsClient fanOutSqs = Wiring.sqs(config, env);
                closeLater.add(fanOutPool);
                closeLater.add(fanOutSqs);
                FanOutHandler fanOut = new FanOutHandler(new FanOutService(config, fanOutPool,
                        new Ledger(fanOutPool, config.ledgerTable(), config.dbStatementTimeout()),
                        new Lease(fanOutPool, config.leaseTable(), config.dbStatementTimeout()),
                        new SqsWorkQueue(fanOutSqs, workQueue), new SqsWorkQueue(fanOutSqs, controlQueue)), telemetry);
                // one image-function container per worker: its own handler, pool and clients
                List<Container> containers = new ArrayList<>();
                for (int i = 0; i < o.workers(); i++) {
                    containers.add(container(config, env, clock, telemetry, i, closeLater));
                }
                Worker.Queue queue = new Worker.Queue(workQueue,
                        sqsServer.queueArn(workQueue.substring(workQueue.lastIndexOf('/') + 1)), sqsServer.region());
                S3Client uploader = Wiring.s3(config, env);
                closeLater.add(uploader);
                DataSource setup = pg.dataSource(db);

                if (o.warmup() > 0) {
                    LOG.info("warm-up: {} images", o.warmup());
                    Map<String, Double> warmKeys = stage(uploader, bucket, setup, images.smallest(), "warmup",
                            o.warmup(), WARMUP_ID_BASE);
                    Drained warm = fanOutAndDrain(fanOut, containers, queue, o, clock);
                    LOG.info("warm-up done in {} s: {} enqueued, {} answered", seconds(warm.wallNanos),
                            warm.enqueued, warm.drain.answered());
                    if (warm.enqueued != warmKeys.size()) {
                        throw new IllegalStateException("warm-up fan-out enqueued " + warm.enqueued + " of "
                                + warmKeys.size() + " images: " + warm.fanOutJson);
                    }
                }
                int count = o.images().orElse(DEFAULT_CYCLES * images.distinct().size());
                Map<String, Double> keys = stage(uploader, bucket, setup, images, "run", count, MEASURED_ID_BASE);
                clock.reset();
                sampler.reset();
                telemetry.drainEvents();
                LOG.info("measured run: {} images, {} worker(s), batches of {}, WebP quality {} method {}",
                        count, o.workers(), o.batch(), config.codec().quality(), config.codec().method());
                Drained run = fanOutAndDrain(fanOut, containers, queue, o, clock);
                CodecSampler.Samples samples = sampler.samples();
                List<String> events = telemetry.drainEvents();
                long repointed = repointed(setup);
                if (run.enqueued != count) {
                    throw new IllegalStateException("the fan-out enqueued " + run.enqueued + " of " + count
                            + " images: " + run.fanOutJson);
                }
                Report.print(System.out, report(o, config, images, keys, run, events, samples, clock, repointed,
                        loadBefore, pg.engineName()));
            } finally {
                for (AutoCloseable c : closeLater) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        LOG.warn("closing {}: {}", c, e.toString());
                    }
                }
            }
        }
    }

    /** The collaborators one image-function container holds, built like the handler's own wiring. */
    private record Container(ImageHandler handler, SqsClient sqs) {
    }

    private static Container container(MediaConfig config, Env env, PhaseClock clock, CapturingTelemetry telemetry,
                                       int n, List<AutoCloseable> closeLater) {
        HikariDataSource pool = Wiring.dataSource(config, env, "bench-image-" + n);
        S3Client s3 = Wiring.s3(config, env);
        SqsClient sqs = Wiring.sqs(config, env);
        closeLater.add(pool);
        closeLater.add(s3);
        closeLater.add(sqs);
        DataSource timed = TimedDataSource.wrap(pool, clock, config.ledgerTable().name());
        ImageProcessor processor = new ImageProcessor(config,
                new TimedObjectStore(new S3ObjectStore(s3, config.storage().bucket()), clock),
                new ImageCodec(config.codec()), timed,
                new Ledger(timed, config.ledgerTable(), config.dbStatementTimeout()));
        return new Container(new ImageHandler(processor, config.imageReserve(), telemetry), sqs);
    }

    private static void createDefaultTables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts_profile (id integer PRIMARY KEY, avatar varchar(255), "
                    + "banner varchar(255))");
            s.execute("CREATE TABLE post_postmedia (id integer PRIMARY KEY, media_type varchar(20), "
                    + "media_file varchar(255))");
            s.execute("CREATE TABLE event_event (id integer PRIMARY KEY, cover varchar(255), poster varchar(255))");
        }
    }

    /**
     * Uploads {@code count} images of the cycle under keys of their own and points rows at them (image i goes to
     * column i mod 5 of row idBase + i/5).
     *
     * @return key to megapixels
     */
    private static Map<String, Double> stage(S3Client s3, String bucket, DataSource setup, BenchImages images,
                                             String prefix, int count, long idBase) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Double> keys = new LinkedHashMap<>();
        Map<String, Map<Long, Map<String, String>>> rows = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                BenchImages.Image img = images.cycle(k);
                String[] col = COLUMNS[k % COLUMNS.length];
                long id = idBase + k / COLUMNS.length;
                String key = String.format(Locale.ROOT, "%s/%s/%s/%07d-%s", prefix, col[0], col[1], k, img.name());
                keys.put(key, img.megapixels());
                rows.computeIfAbsent(col[0], t -> new TreeMap<>()).computeIfAbsent(id, x -> new HashMap<>())
                        .put(col[1], key);
                uploads.add(pool.submit(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(img.contentType())
                        .cacheControl("public, max-age=31536000"), RequestBody.fromBytes(img.bytes()))));
            }
            for (Future<?> f : uploads) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = setup.getConnection()) {
            c.setAutoCommit(false);
            insert(c, "INSERT INTO accounts_profile (id, avatar, banner) VALUES (?, ?, ?)", rows.get("accounts_profile"),
                    "avatar", "banner");
            insert(c, "INSERT INTO post_postmedia (id, media_type, media_file) VALUES (?, 'image', ?)",
                    rows.get("post_postmedia"), "media_file");
            insert(c, "INSERT INTO event_event (id, cover, poster) VALUES (?, ?, ?)", rows.get("event_event"),
                    "cover", "poster");
            c.commit();
        }
        long bytes = 0;
        for (int k = 0; k < count; k++) {
            bytes += images.cycle(k).bytes().length;
        }
        LOG.info("staged {} images ({} MB) and their rows in {} s", count,
                String.format(Locale.ROOT, "%.1f", bytes / 1e6), seconds(System.nanoTime() - t0));
        return keys;
    }

    private static void insert(Connection c, String sql, Map<Long, Map<String, String>> rows, String... columns)
            throws SQLException {
        if (rows == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Map<String, String>> row : rows.entrySet()) {
                ps.setLong(1, row.getKey());
                for (int i = 0; i < columns.length; i++) {
                    ps.setString(i + 2, row.getValue().get(columns[i])); // NULL where no image went
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A fan-out and the drain that follows it. */
    private record Drained(long wallNanos, long enqueued, String fanOutJson, String fanOutSummary,
                           Worker.Drain drain, PhaseClock.Totals fanOutTime) {
    }

    private static Drained fanOutAndDrain(FanOutHandler fanOut, List<Container> containers, Worker.Queue queue,
                                          Options o, PhaseClock clock) throws Exception {
        long start = System.nanoTime();
        long cpu = PhaseClock.cpuNow();
        String result = fanOut.handle("{}", LocalLambdaContext.invocation("restow-fanout", Duration.ofMillis(FANOUT_TIMEOUT_MILLIS), 512));
        long fanOutWall = System.nanoTime() - start;
        PhaseClock.Totals fanOutTime = new PhaseClock.Totals(fanOutWall, PhaseClock.cpuNow() - cpu, 1);
        clock.add(Phase.FAN_OUT, fanOutTime.wallNanos(), fanOutTime.cpuNanos(), 1);
        JsonNode r = JSON.readTree(result);
        if (!"done".equals(r.path("state").asText())) {
            throw new IllegalStateException("the fan-out did not finish its walk: " + result);
        }
        JsonNode total = r.path("total");
        long enqueued = total.path("enqueued").asLong();
        String summary = String.format(Locale.ROOT, "%d rows seen, %d enqueued, %d already webp, %d no url, %d done"
                        + " before; %d pages; %.3f s", total.path("seen").asLong(), enqueued,
                total.path("alreadyWebp").asLong(), total.path("noUrl").asLong(), total.path("doneBefore").asLong(),
                r.path("pages").asLong(), fanOutWall / 1e9);
        Worker.Drain drain = new Worker.Drain(enqueued, MAX_DRAIN_MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(containers.size(), task -> {
            Thread t = new Thread(task, "mediabench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Container c : containers) {
                futures.add(pool.submit(new Worker(c.handler(), c.sqs(), queue, o.batch(), IMAGE_TIMEOUT_MILLIS, clock,
                        drain)));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Drained(System.nanoTime() - start, enqueued, result, summary, drain, fanOutTime);
    }

    /** Measured rows (ids from {@link #MEASURED_ID_BASE}) whose value now names a .webp object. */
    private static long repointed(DataSource ds) throws SQLException {
        long n = 0;
        try (Connection c = ds.getConnection()) {
            for (String[] col : COLUMNS) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + col[0] + " WHERE id >= ? AND "
                        + col[1] + " LIKE '%.webp'")) {
                    ps.setLong(1, MEASURED_ID_BASE);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    private static Report.Run report(Options o, MediaConfig config, BenchImages images, Map<String, Double> keys,
                                     Drained run, List<String> events, CodecSampler.Samples samples,
                                     PhaseClock clock, long repointed, String loadBefore, String engine)
            throws Exception {
        Map<String, Long> outcomes = new TreeMap<>();
        long bytesIn = 0;
        long bytesOut = 0;
        double mp = 0;
        for (String line : events) {
            JsonNode n = JSON.readTree(line);
            if (!n.has("messageId")) {
                continue; // batch summaries and fan-out reports
            }
            String outcome = n.path("outcome").asText();
            String reason = n.path("reason").asText("");
            outcomes.merge(reason.isEmpty() ? outcome : outcome + ":" + reason, 1L, Long::sum);
            bytesIn += n.path("bytesIn").asLong();
            if ("converted".equals(outcome)) {
                bytesOut += n.path("bytesOut").asLong();
            }
            mp += keys.getOrDefault(n.path("sourceKey").asText(), 0.0);
        }
        Map<Phase, PhaseClock.Totals> measured = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            measured.put(p, clock.phase(p));
        }
        String setup = String.format(Locale.ROOT, "%d worker(s) (own handler, HikariCP pool of %d, S3 and SQS clients"
                        + " each), SQS batches of %d, WebP quality %d method %d, warm-up %d images; PostgreSQL %s",
                o.workers(), config.dbPoolSize(), o.batch(), config.codec().quality(), config.codec().method(),
                o.warmup(), engine);
        String imageLine = String.format(Locale.ROOT, "%d distinct, cycled under %d keys over the 5 columns of"
                        + " accounts_profile, post_postmedia, event_event; %s", images.distinct().size(), keys.size(),
                images.origin());
        return new Report.Run(setup, imageLine, keys.size(), mp, run.wallNanos(), bytesIn, bytesOut, outcomes,
                run.fanOutSummary(), run.drain().invocations(), run.drain().failures(), run.drain().failedMessages(),
                repointed, String.format(Locale.ROOT, "%d cores, load average %s before, %s after; Java %s",
                Runtime.getRuntime().availableProcessors(), loadBefore, load(), System.getProperty("java.version")),
                run.fanOutTime(), measured,
                clock.codecWindows(), clock.handlers(), clock.loops(), samples);
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
