package dev.restow.cli.demo;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.aws.fanout.FanOutHandler;
import dev.restow.aws.image.ImageHandler;
import dev.restow.aws.sqs.SqsEvents;
import dev.restow.aws.wiring.Wiring;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.aws.sqs.SqsWorkQueue;
import dev.restow.cli.CommandIo;
import dev.restow.cli.media.MediaTally;
import dev.restow.cli.progress.Progress;
import dev.restow.cli.report.ImagePair;
import dev.restow.cli.report.SourceTotals;
import dev.restow.cli.report.Thumbnails;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.image.CodecOptions;
import dev.restow.image.Conversion;
import dev.restow.image.ImageCodec;
import dev.restow.image.ImageFormat;
import dev.restow.local.LocalLambdaContext;
import dev.restow.local.LocalServers;
import dev.restow.media.FanOutService;
import dev.restow.media.ImageProcessor;
import dev.restow.media.Lease;
import dev.restow.media.Ledger;
import dev.restow.media.LedgerEntry;
import dev.restow.media.SourceCounts;
import dev.restow.outcome.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The media half of the demo: the three default tables in embedded PostgreSQL pointing at images in the local S3
 * bucket; the fan-out Lambda handler invoked as a manual run; the per-image Lambda handler fed SQS events built from
 * the messages received from the local queue, with partial batch failures honoured as Lambda's event source mapping
 * does; then checks that every image has its outcome and every converted row points at a WebP that exists.
 */
final class MediaDemo {

    static final String BUCKET = "restow-demo-media";
    static final String QUEUE = "restow-demo-images";
    static final String FANOUT_FUNCTION = "restow-fanout";
    static final String IMAGE_FUNCTION = "restow-image";
    /** Receives per message before it counts as dead-lettered (the template's maxReceiveCount). */
    static final int MAX_RECEIVES = 3;
    static final int BATCH_SIZE = 5;
    static final int SAMPLES = 12;
    static final int EMBED_WEBP_MAX_BYTES = 200 * 1024;
    static final int THUMBNAIL_SIDE = 320;

    private static final Logger LOG = LoggerFactory.getLogger(MediaDemo.class);
    private static final List<String[]> SLOTS = List.of(new String[]{"accounts_profile", "avatar"},
            new String[]{"accounts_profile", "banner"}, new String[]{"post_postmedia", "media_file"},
            new String[]{"event_event", "cover"}, new String[]{"event_event", "poster"});

    /** What the media half did. */
    record Result(List<SourceTotals> totals, List<ImagePair> samples, List<String> problems, int images,
                  long enqueued) {
    }

    /** One reference loaded into a row. */
    private record Loaded(String table, int id, String column, String value, String key, SampleImage image) {
    }

    private final CommandIo io;
    private final LocalServers servers;

    MediaDemo(CommandIo io, LocalServers servers) {
        this.io = io;
        this.servers = servers;
    }

    /** The environment the Lambda functions would get, pointing at the local servers. */
    Env environment(String database, String queueUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(MediaConfig.DATABASE_URL, servers.postgres().libpqUrl(database));
        env.put(MediaConfig.DB_POOL_SIZE, "4");
        env.put(MediaConfig.BUCKET, BUCKET);
        env.put(MediaConfig.S3_ENDPOINT, servers.s3().endpoint().toString());
        env.put(MediaConfig.S3_REGION, servers.s3().region());
        env.put(MediaConfig.AWS_REGION, servers.sqs().region());
        env.put(MediaConfig.ACCESS_KEY_ID, servers.s3().accessKey());
        env.put(MediaConfig.SECRET_ACCESS_KEY, servers.s3().secretKey());
        env.put(MediaConfig.QUEUE_URL, queueUrl);
        env.put(MediaConfig.SQS_ENDPOINT, servers.sqs().endpoint().toString());
        return Env.of(env);
    }

    Result run(List<SampleImage> images) throws Exception {
        String database = servers.postgres().createDatabase();
        servers.s3().createBucket(BUCKET);
        String queueUrl = servers.sqs().createQueue(QUEUE, Map.of("VisibilityTimeout", "300"));
        Env env = environment(database, queueUrl);
        MediaConfig config = MediaConfig.load(env);
        List<String> problems = new ArrayList<>();
        try (HikariDataSource ds = Wiring.dataSource(config, env, "restow-demo-media");
             S3Client s3 = Wiring.s3(config, env);
             SqsClient sqs = Wiring.sqs(config, env)) {
            List<Loaded> loaded = load(ds, s3, images);
            io.err().println("demo: media: " + loaded.size() + " image references in accounts_profile, "
                    + "post_postmedia and event_event; " + images.size() + " objects in s3://" + BUCKET);

            Map<String, ImageEvent> events = new ConcurrentHashMap<>();
            List<ImageEvent> eventLog = new CopyOnWriteArrayList<>();
            AtomicInteger finals = new AtomicInteger();
            Ledger ledger = new Ledger(ds, config.ledgerTable(), config.dbStatementTimeout());
            Progress[] progress = new Progress[1];
            DemoTelemetry telemetry = new DemoTelemetry(e -> {
                eventLog.add(e);
                if (e.outcome().isFinal()) {
                    events.put(e.source() + "#" + e.id() + "#" + e.column(), e);
                    finals.incrementAndGet();
                    if (progress[0] != null) {
                        progress[0].step(1);
                    }
                }
            });

            FanOutHandler fanOut = new FanOutHandler(new FanOutService(config, ds, ledger,
                    new Lease(ds, config.leaseTable(), config.dbStatementTimeout()), new SqsWorkQueue(sqs, queueUrl),
                    null), telemetry);
            JsonNode fan = DemoTelemetry.parse(fanOut.handle("{}",
                    LocalLambdaContext.invocation(FANOUT_FUNCTION, Duration.ofMinutes(15), 512)));
            long enqueued = fan.path("total").path("enqueued").asLong();
            io.err().println("demo: media: fan-out handler (" + fan.path("state").asText() + ") enqueued " + enqueued
                    + " image messages on " + QUEUE);
            if (!"done".equals(fan.path("state").asText())) {
                problems.add("the fan-out ended '" + fan.path("state").asText() + "' instead of 'done'");
            }
            long expected = loaded.stream().filter(l -> !l.value().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".webp")).count();
            if (enqueued != expected) {
                problems.add("the fan-out enqueued " + enqueued + " messages, expected " + expected);
            }

            ImageHandler imageHandler = new ImageHandler(new ImageProcessor(config,
                    new S3ObjectStore(s3, BUCKET), new ImageCodec(config.codec()), ds, ledger),
                    config.imageReserve(), telemetry);
            int deadLettered;
            try (Progress p = Progress.start(io, "images", enqueued, "images")) {
                progress[0] = p;
                deadLettered = drain(sqs, queueUrl, imageHandler, enqueued, finals);
            }
            if (deadLettered > 0) {
                problems.add(deadLettered + " message(s) failed " + MAX_RECEIVES + " times and went to the dead-letter"
                        + " queue");
            }
            if (events.size() != enqueued) {
                problems.add(events.size() + " images got a final outcome, expected " + enqueued);
            }

            MediaTally tally = new MediaTally();
            config.sources().forEach(s -> tally.source(s.name()));
            Map<String, SourceCounts> counts = new LinkedHashMap<>();
            fan.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), new SourceCounts(
                    e.getValue().path("seen").asLong(), e.getValue().path("noUrl").asLong(),
                    e.getValue().path("alreadyWebp").asLong(), e.getValue().path("doneBefore").asLong(),
                    e.getValue().path("enqueued").asLong())));
            counts.forEach(tally::fanOut);
            List<LedgerEntry> entries = ledger.all();
            for (LedgerEntry entry : entries) {
                tally.image(entry.source(), entry.outcome(), entry.bytesIn(), entry.bytesOut());
            }
            if (entries.size() != enqueued) {
                problems.add("the ledger holds " + entries.size() + " entries, expected " + enqueued);
            }
            long failed = entries.stream().filter(e -> e.outcome().is(Status.FAILED)).count();
            if (failed > 0) {
                problems.add(failed + " image(s) ended failed: " + entries.stream()
                        .filter(e -> e.outcome().is(Status.FAILED)).map(e -> e.outcome().toString()).distinct()
                        .toList());
            }
            problems.addAll(verifyConverted(ds, s3, events.values()));
            Map<String, SampleImage> byKey = new HashMap<>();
            loaded.forEach(l -> byKey.put(l.key(), l.image()));
            List<ImagePair> samples = samples(s3, events.values(), byKey);
            return new Result(tally.totals(), samples, problems, images.size(), enqueued);
        }
    }

    /** Creates the tables, uploads the images and points rows at them; returns every reference loaded. */
    private List<Loaded> load(HikariDataSource ds, S3Client s3, List<SampleImage> images) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts_profile (id integer PRIMARY KEY, avatar varchar(255), "
                    + "banner varchar(255))");
            st.execute("CREATE TABLE post_postmedia (id integer PRIMARY KEY, media_type varchar(20) NOT NULL, "
                    + "media_file varchar(255))");
            st.execute("CREATE TABLE event_event (id integer PRIMARY KEY, cover varchar(255), poster varchar(255))");
        }
        List<Loaded> loaded = new ArrayList<>();
        Map<String, Map<Integer, Map<String, String>>> rows = new LinkedHashMap<>();
        int[] nextRow = new int[SLOTS.size()];
        for (int i = 0; i < images.size(); i++) {
            SampleImage img = images.get(i);
            int slot = i % SLOTS.size();
            String table = SLOTS.get(slot)[0];
            String column = SLOTS.get(slot)[1];
            String key = "media/" + table + "/" + column + "/" + img.name();
            s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(ImageFormat.sniff(img.bytes()).mimeType())
                    .cacheControl("public, max-age=31536000"), RequestBody.fromBytes(img.bytes()));
            // most values are bare keys, as Django's FileField stores them; every third is a full URL on the endpoint
            String value = i % 3 == 2 ? servers.s3().endpoint() + "/" + BUCKET + "/" + key : key;
            int id = ++nextRow[slot]; // avatar/banner and cover/poster of the same index share a row
            rows.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(id, x -> new LinkedHashMap<>())
                    .put(column, value);
            loaded.add(new Loaded(table, id, column, value, key, img));
        }
        // values the fan-out leaves out or the handler refuses: NULL, empty, another media type, a foreign bucket,
        // an object that does not exist
        int extra = 1000;
        rows.computeIfAbsent("accounts_profile", t -> new LinkedHashMap<>()).put(extra, new LinkedHashMap<>(
                Map.of("banner", "")));
        rows.computeIfAbsent("post_postmedia", t -> new LinkedHashMap<>()).put(extra, new LinkedHashMap<>(
                Map.of("media_file", "media/post_postmedia/media_file/clip.mp4", "media_type", "video")));
        rows.get("accounts_profile").put(extra + 1, new LinkedHashMap<>(Map.of("avatar",
                "https://someone-elses-bucket.s3.amazonaws.com/avatars/cat.jpg")));
        rows.computeIfAbsent("event_event", t -> new LinkedHashMap<>()).put(extra, new LinkedHashMap<>(
                Map.of("poster", "media/event_event/poster/was-deleted.jpg")));
        SampleImage none = new SampleImage("none", "none", new byte[0]);
        loaded.add(new Loaded("accounts_profile", extra + 1, "avatar",
                "https://someone-elses-bucket.s3.amazonaws.com/avatars/cat.jpg", "", none));
        loaded.add(new Loaded("event_event", extra, "poster", "media/event_event/poster/was-deleted.jpg", "", none));
        insert(ds, rows);
        return loaded;
    }

    private static void insert(HikariDataSource ds, Map<String, Map<Integer, Map<String, String>>> rows)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (var table : rows.entrySet()) {
                for (var row : table.getValue().entrySet()) {
                    Map<String, String> values = new LinkedHashMap<>(row.getValue());
                    if (table.getKey().equals("post_postmedia")) {
                        values.putIfAbsent("media_type", "image");
                    }
                    List<String> cols = new ArrayList<>(values.keySet());
                    String sql = "INSERT INTO " + table.getKey() + " (id, " + String.join(", ", cols) + ") VALUES (?"
                            + ", ?".repeat(cols.size()) + ")";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setInt(1, row.getKey());
                        for (int i = 0; i < cols.size(); i++) {
                            ps.setString(i + 2, values.get(cols.get(i)));
                        }
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    /**
     * Lambda's SQS event source mapping, in miniature: workers receive batches, invoke the handler with an SQSEvent,
     * delete the messages not reported as batch item failures, and let failures come back (at once here, instead of
     * after the visibility timeout) until {@link #MAX_RECEIVES} receives, after which they count as dead-lettered.
     *
     * @return messages dead-lettered
     */
    private int drain(SqsClient sqs, String queueUrl, ImageHandler handler, long expected, AtomicInteger finals)
            throws Exception {
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger deadLettered = new AtomicInteger();
        String arn = servers.sqs().queueArn(QUEUE);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "restow-demo-lambda");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    while (finals.get() + deadLettered.get() < expected || !queueEmpty(sqs, queueUrl)) {
                        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                .maxNumberOfMessages(BATCH_SIZE).waitTimeSeconds(1).visibilityTimeout(300)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                        if (messages.isEmpty()) {
                            continue;
                        }
                        SQSBatchResponse response = handler.handleRequest(SqsEvents.of(messages, arn, "us-east-1"),
                                LocalLambdaContext.invocation(IMAGE_FUNCTION, Duration.ofMinutes(5), 1769));
                        Set<String> retry = new HashSet<>();
                        response.getBatchItemFailures().forEach(f -> retry.add(f.getItemIdentifier()));
                        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                        for (Message m : messages) {
                            int receives = Integer.parseInt(m.attributes().getOrDefault(
                                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
                            if (!retry.contains(m.messageId())) {
                                done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                        .receiptHandle(m.receiptHandle()).build());
                            } else if (receives >= MAX_RECEIVES) {
                                LOG.warn("message {} failed {} times: dead-lettered", m.messageId(), receives);
                                deadLettered.incrementAndGet();
                                done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                        .receiptHandle(m.receiptHandle()).build());
                            } else {
                                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                                        .receiptHandle(m.receiptHandle()).visibilityTimeout(1));
                            }
                        }
                        if (!done.isEmpty()) {
                            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return deadLettered.get();
    }

    private static boolean queueEmpty(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Every converted row points at its WebP, which exists next to the original, which is still there. */
    private static List<String> verifyConverted(HikariDataSource ds, S3Client s3, java.util.Collection<ImageEvent> events)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (ImageEvent e : events) {
                if (!e.outcome().is(Status.CONVERTED)) {
                    continue;
                }
                String value;
                try (PreparedStatement ps = c.prepareStatement("SELECT \"" + e.column() + "\" FROM \"" + e.source()
                        + "\" WHERE id = ?")) {
                    ps.setInt(1, Integer.parseInt(e.id()));
                    try (ResultSet rs = ps.executeQuery()) {
                        value = rs.next() ? rs.getString(1) : null;
                    }
                }
                if (value == null || !value.endsWith(".webp")) {
                    problems.add(e.source() + " #" + e.id() + " " + e.column() + " was converted but holds " + value);
                }
                for (String key : List.of(e.targetKey(), e.sourceKey())) {
                    if (!exists(s3, key)) {
                        problems.add("object " + key + " of " + e.source() + " #" + e.id() + " is missing");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean exists(S3Client s3, String key) {
        try {
            s3.headObject(b -> b.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Converted images to show: one per format first, then the largest savings, at most {@link #SAMPLES}. */
    private static List<ImagePair> samples(S3Client s3, java.util.Collection<ImageEvent> events,
                                           Map<String, SampleImage> byKey) {
        List<ImageEvent> converted = new ArrayList<>(events.stream()
                .filter(e -> e.outcome().is(Status.CONVERTED) && byKey.containsKey(e.sourceKey())).toList());
        converted.sort((a, b) -> Long.compare(b.bytesIn() - b.bytesOut(), a.bytesIn() - a.bytesOut()));
        List<ImageEvent> chosen = new ArrayList<>();
        Set<String> categories = new HashSet<>();
        for (ImageEvent e : converted) {
            if (chosen.size() < SAMPLES && categories.add(byKey.get(e.sourceKey()).category())) {
                chosen.add(e);
            }
        }
        for (ImageEvent e : converted) {
            if (chosen.size() < SAMPLES && !chosen.contains(e)) {
                chosen.add(e);
            }
        }
        ImageCodec thumbCodec = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0));
        List<ImagePair> pairs = new ArrayList<>();
        for (ImageEvent e : chosen) {
            SampleImage original = byKey.get(e.sourceKey());
            byte[] webp = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.targetKey())).asByteArray();
            Optional<byte[]> before = Thumbnails.png(original.bytes(), THUMBNAIL_SIDE);
            if (before.isEmpty()) {
                LOG.info("no thumbnail for {}", e.sourceKey());
                continue;
            }
            String after;
            if (webp.length <= EMBED_WEBP_MAX_BYTES) {
                after = Thumbnails.dataUri("image/webp", webp);
            } else {
                Optional<byte[]> small = Thumbnails.png(webp, THUMBNAIL_SIDE * 2);
                if (small.isEmpty()) {
                    continue;
                }
                Conversion c = thumbCodec.convert(small.get());
                after = c.webp().map(w -> Thumbnails.dataUri("image/webp", w))
                        .orElseGet(() -> Thumbnails.dataUri("image/png", small.get()));
            }
            int[] size = Thumbnails.size(webp).orElse(new int[]{0, 0});
            pairs.add(new ImagePair(e.sourceKey(), e.source() + "." + e.column() + " #" + e.id()
                    + " (" + original.category() + ")", e.format(), size[0], size[1], e.bytesIn(), e.bytesOut(),
                    Thumbnails.dataUri("image/png", before.get()), after));
        }
        return Collections.unmodifiableList(pairs);
    }
}
