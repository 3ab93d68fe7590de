package dev.restow.aws.support;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.aws.image.ImageHandler;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.aws.sqs.SqsEvents;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.db.Pools;
import dev.restow.image.ImageCodec;
import dev.restow.local.LocalPostgres;
import dev.restow.local.LocalS3;
import dev.restow.local.LocalSqs;
import dev.restow.media.ImageProcessor;
import dev.restow.media.Ledger;
import dev.restow.media.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One test class's slice of the shared local servers: its own database (with the three default tables), bucket
 * and queues, clients for them, and the environment the functions would see.
 */
public final class Stack implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final LocalPostgres pg = LocalPostgres.shared();
    public final LocalS3 s3Server = LocalS3.shared();
    public final LocalSqs sqsServer = LocalSqs.shared();
    public final String database;
    public final String bucket;
    public final String workQueueUrl;
    public final String controlQueueUrl;
    public final HikariDataSource dataSource;
    public final S3Client s3;
    public final SqsClient sqs;

    private Stack(String name) {
        int n = COUNTER.incrementAndGet();
        String suffix = name + "-" + n + "-" + ProcessHandle.current().pid();
        database = pg.createDatabase();
        bucket = ("t-" + suffix).toLowerCase();
        s3Server.createBucket(bucket);
        workQueueUrl = sqsServer.createQueue("work-" + suffix, Map.of("VisibilityTimeout", "60"));
        controlQueueUrl = sqsServer.createQueue("control-" + suffix);
        dataSource = Pools.create(dev.restow.db.DbSettings.parseUrl("DATABASE_URL", pg.libpqUrl(database))
                .withPoolSize(12), "test-" + suffix);
        s3 = S3Client.builder()
                .endpointOverride(s3Server.endpoint()).region(Region.of(s3Server.region())).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3Server.accessKey(), s3Server.secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(sqsServer.endpoint()).region(Region.of(sqsServer.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(sqsServer.accessKey(), sqsServer.secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** @param name a short lower-case name for the test class (bucket and queue names) */
    public static Stack create(String name) {
        return new Stack(name);
    }

    /** The environment the functions would be deployed with, pointing at this stack. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(MediaConfig.DATABASE_URL, pg.libpqUrl(database));
        env.put(MediaConfig.BUCKET, bucket);
        env.put(MediaConfig.S3_ENDPOINT, s3Server.endpoint().toString());
        env.put(MediaConfig.S3_REGION, s3Server.region());
        env.put(MediaConfig.ACCESS_KEY_ID, s3Server.accessKey());
        env.put(MediaConfig.SECRET_ACCESS_KEY, s3Server.secretKey());
        env.put(MediaConfig.QUEUE_URL, workQueueUrl);
        env.put(MediaConfig.CONTROL_QUEUE_URL, controlQueueUrl);
        env.put(MediaConfig.SQS_ENDPOINT, sqsServer.endpoint().toString());
        env.put(MediaConfig.WEBP_METHOD, "4"); // method 6 is several times slower; the suite must stay fast
        return env;
    }

    public MediaConfig config(Map<String, String> env) {
        return MediaConfig.load(Env.of(env));
    }

    public MediaConfig config() {
        return config(env());
    }

    public ObjectStore store() {
        return new S3ObjectStore(s3, bucket);
    }

    public Ledger ledger(MediaConfig config) {
        return new Ledger(dataSource, config.ledgerTable(), config.dbStatementTimeout());
    }

    public ImageProcessor processor(MediaConfig config, ObjectStore store) {
        return new ImageProcessor(config, store, new ImageCodec(config.codec()), dataSource, ledger(config));
    }

    public ImageHandler imageHandler(MediaConfig config, RecordingTelemetry telemetry) {
        return new ImageHandler(processor(config, store()), config.imageReserve(), telemetry);
    }

    /** Creates the original tool's three tables. */
    public void createDefaultTables() {
        sql("CREATE TABLE accounts_profile (id integer PRIMARY KEY, avatar varchar(255), banner varchar(255))",
                "CREATE TABLE post_postmedia (id integer PRIMARY KEY, media_type varchar(20), media_file varchar(255))",
                "CREATE TABLE event_event (id integer PRIMARY KEY, cover varchar(255), poster varchar(255))");
    }

    public void sql(String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public String value(String table, String column, int id) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Messages waiting in a queue (ElasticMQ's count is exact). */
    public int depth(String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives up to {@code max} (≤ 10) visible messages. */
    public List<Message> receive(String queueUrl, int max) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(0)
                .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
    }

    /** The SQS event Lambda would build from received messages. */
    public SQSEvent event(String queueUrl, List<Message> messages) {
        return SqsEvents.of(messages, sqsServer.queueArn(queueUrl.substring(queueUrl.lastIndexOf('/') + 1)),
                sqsServer.region());
    }

    /** An SQS event of the given bodies, with fresh message ids, as if received from the work queue. */
    public SQSEvent eventOf(String... bodies) {
        List<Message> messages = new ArrayList<>();
        for (String body : bodies) {
            String id = java.util.UUID.randomUUID().toString();
            messages.add(Message.builder().messageId(id).receiptHandle("rh-" + id).body(body).build());
        }
        return event(workQueueUrl, messages);
    }

    /** Uploads a file under {@code key}. */
    public void upload(String key, java.nio.file.Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                software.amazon.awssdk.core.sync.RequestBody.fromFile(file));
    }

    /** Keys under a prefix, sorted. */
    public List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).sorted().toList();
    }

    /** Counts row updates of a table with a trigger, so that tests can see "one row update". */
    public void countUpdates(String table) {
        sql("CREATE TABLE IF NOT EXISTS row_updates (tbl text, id text)",
                "CREATE OR REPLACE FUNCTION count_update() RETURNS trigger AS $$ BEGIN "
                        + "INSERT INTO row_updates VALUES (TG_TABLE_NAME, NEW.id::text); RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER " + table + "_updates AFTER UPDATE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION count_update()");
    }

    public int updates(String table, int id) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM row_updates WHERE tbl = ? AND id = ?")) {
            ps.setString(1, table);
            ps.setString(2, Integer.toString(id));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The JSON Lambda would pass a stream handler for an SQS event. */
    public String eventJson(String queueUrl, List<Message> messages) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"messageId\":").append(quote(m.messageId())).append(",\"receiptHandle\":")
                    .append(quote(m.receiptHandle())).append(",\"body\":").append(quote(m.body()))
                    .append(",\"eventSource\":\"aws:sqs\",\"awsRegion\":\"us-east-1\"}");
        }
        return sb.append("]}").toString();
    }

    private static String quote(String s) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString();
    }

    public void delete(String queueUrl, List<Message> messages) {
        for (Message m : messages) {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
    }

    /** Drains the work queue through the handler as Lambda would: successes deleted, failures left. */
    public List<SQSBatchResponse> drain(ImageHandler handler) {
        List<SQSBatchResponse> responses = new ArrayList<>();
        while (true) {
            List<Message> batch = receive(workQueueUrl, 10);
            if (batch.isEmpty()) {
                return responses;
            }
            SQSBatchResponse r = handler.handleRequest(event(workQueueUrl, batch), TestContext.plenty());
            responses.add(r);
            Set<String> failed = r.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            delete(workQueueUrl, batch.stream().filter(m -> !failed.contains(m.messageId())).toList());
        }
    }

    /** A local port nothing listens on. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        s3.close();
        sqs.close();
    }
}
