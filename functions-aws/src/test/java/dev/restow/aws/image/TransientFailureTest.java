package dev.restow.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.fanout.FanOutHandler;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.aws.support.RecordingTelemetry;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.image.ImageCodec;
import dev.restow.local.Corpus;
import dev.restow.media.ImageProcessor;
import dev.restow.media.ImageTask;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Acceptance 5: storage or database unreachable comes back as a batch item failure (and is walked again); a rejected
 * image does not, and the next scheduled fan-out leaves it alone.
 */
class TransientFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEDULED = "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\"}";
    private static Stack stack;
    private static MediaConfig config;
    private static Corpus corpus;

    @BeforeAll
    static void setUp() {
        corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
        stack = Stack.create("transient");
        stack.createDefaultTables();
        config = stack.config();
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static String task(int id, String value) {
        return ImageTask.of("event_event", Integer.toString(id), "cover", value, "run-t").toJson();
    }

    private static JsonNode scheduledRun() throws Exception {
        JsonNode out = JSON.readTree(new FanOutHandler(Env.of(stack.env())).handle(SCHEDULED, TestContext.plenty()));
        // leave the queue empty for the next test
        while (!stack.receive(stack.workQueueUrl, 10).isEmpty()) {
            stack.sqs.purgeQueue(b -> b.queueUrl(stack.workQueueUrl));
        }
        return out;
    }

    @Test
    void unreachableStorage_should_comeBackAsABatchItemFailure_when_s3IsDown() throws Exception {
        stack.upload("down/s3.jpg", corpus.entry("ianare-Canon_40D.jpg").orElseThrow().path(), "image/jpeg");
        stack.sql("INSERT INTO event_event (id, cover) VALUES (1, 'down/s3.jpg')");
        S3Client closed = S3Client.builder().endpointOverride(java.net.URI.create("http://127.0.0.1:"
                        + Stack.closedPort())).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .httpClient(UrlConnectionHttpClient.create()).build();
        ImageProcessor processor = new ImageProcessor(config, new S3ObjectStore(closed, stack.bucket),
                new ImageCodec(config.codec()), stack.dataSource, stack.ledger(config));
        RecordingTelemetry t = new RecordingTelemetry();
        SQSEvent event = stack.eventOf(task(1, "down/s3.jpg"));

        SQSBatchResponse r = new ImageHandler(processor, config.imageReserve(), t).handleRequest(event,
                TestContext.plenty());

        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(t.messageLines()).singleElement().satisfies(l -> {
            assertThat(l.get("outcome").asText()).isEqualTo("failed");
            assertThat(l.get("reason").asText()).isEqualTo("storage-unavailable");
        });
        assertThat(scheduledRun().get("counts").get("event_event").get("enqueued").asInt())
                .as("a failed value is walked again").isEqualTo(1);
    }

    @Test
    void unreachableDatabase_should_comeBackAsABatchItemFailure_when_postgresIsDown() {
        Map<String, String> env = stack.env();
        env.put(MediaConfig.DATABASE_URL, "postgresql://u:p@127.0.0.1:" + Stack.closedPort() + "/none");
        env.put(MediaConfig.DB_CONNECT_TIMEOUT_MS, "500");
        RecordingTelemetry t = new RecordingTelemetry();
        MediaConfig down = stack.config(env);
        var ds = dev.restow.db.Pools.create(down.db(), "down");
        ImageProcessor processor = new ImageProcessor(down, stack.store(), new ImageCodec(down.codec()), ds,
                new dev.restow.media.Ledger(ds, down.ledgerTable(), down.dbStatementTimeout()));
        SQSEvent event = stack.eventOf(task(2, "down/db.jpg"));

        SQSBatchResponse r = new ImageHandler(processor, down.imageReserve(), t).handleRequest(event,
                TestContext.plenty());
        ds.close();

        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(t.messageLines()).singleElement().satisfies(l -> {
            assertThat(l.get("outcome").asText()).isEqualTo("failed");
            assertThat(l.get("reason").asText()).isEqualTo("database-unavailable");
        });
    }

    @Test
    void rejectedImage_should_notBeABatchItemFailureNorEnqueuedAgain_when_itIsNotAnImage() throws Exception {
        stack.upload("bad/readme.jpg", corpus.entry("ianare-README-as.jpg").orElseThrow().path(), "image/jpeg");
        stack.sql("INSERT INTO event_event (id, cover) VALUES (3, 'bad/readme.jpg')");
        RecordingTelemetry t = new RecordingTelemetry();

        SQSBatchResponse r = stack.imageHandler(config, t).handleRequest(stack.eventOf(task(3, "bad/readme.jpg")),
                TestContext.plenty());

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(t.messageLines()).singleElement().satisfies(l -> {
            assertThat(l.get("outcome").asText()).isEqualTo("rejected");
            assertThat(l.get("reason").asText()).isEqualTo("not-an-image");
        });
        JsonNode next = scheduledRun().get("counts").get("event_event");
        assertThat(next.get("doneBefore").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.ledger(config).find("event_event", "3", "cover", "bad/readme.jpg"))
                .hasValueSatisfying(e -> assertThat(e.outcome().toString()).isEqualTo("rejected:not-an-image"));
    }

    @Test
    void nextScheduledRun_should_enqueueOnlyTheRetryableValue_when_oneFailedAndOneWasRejected() throws Exception {
        stack.upload("mix/readme.jpg", corpus.entry("ianare-README-as.jpg").orElseThrow().path(), "image/jpeg");
        stack.sql("INSERT INTO accounts_profile (id, avatar, banner) VALUES (9, 'mix/readme.jpg', 'mix/later.jpg')");
        stack.imageHandler(config, new RecordingTelemetry()).handleRequest(stack.eventOf(
                ImageTask.of("accounts_profile", "9", "avatar", "mix/readme.jpg", "r").toJson()), TestContext.plenty());
        stack.ledger(config).record(new dev.restow.media.LedgerEntry("accounts_profile", "9", "banner",
                "mix/later.jpg", "", dev.restow.outcome.Outcome.failed("storage-unavailable"), 0, 0, "r", null));

        JsonNode next = scheduledRun().get("counts").get("accounts_profile");

        assertThat(next.get("doneBefore").asInt()).isEqualTo(1);
        assertThat(next.get("enqueued").asInt()).isEqualTo(1);
    }
}
