package dev.restow.aws.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.support.RecordingTelemetry;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.aws.sqs.SqsWorkQueue;
import dev.restow.config.MediaConfig;
import dev.restow.media.FanOutService;
import dev.restow.media.Lease;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fan-out handler's inputs (schedule, manual payload, errors), dry run, limit and outputs. */
class FanOutHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Stack stack;
    private static MediaConfig config;
    private static RecordingTelemetry telemetry;
    private static FanOutHandler handler;

    @BeforeAll
    static void setUp() {
        stack = Stack.create("fanout");
        stack.createDefaultTables();
        stack.sql("INSERT INTO accounts_profile (id, avatar, banner) SELECT i, 'a/' || i || '.jpg', "
                + "CASE WHEN i % 2 = 0 THEN 'b/' || i || '.webp' END FROM generate_series(1, 30) AS i",
                "INSERT INTO event_event (id, cover, poster) VALUES (1, 'e/1.png', '')");
        config = stack.config();
        telemetry = new RecordingTelemetry();
        handler = new FanOutHandler(new FanOutService(config, stack.dataSource, stack.ledger(config),
                lease(), new SqsWorkQueue(stack.sqs, stack.workQueueUrl),
                new SqsWorkQueue(stack.sqs, stack.controlQueueUrl)), telemetry);
    }

    private static Lease lease() {
        return new Lease(stack.dataSource, config.leaseTable(), config.dbStatementTimeout());
    }

    @AfterEach
    void emptyTheQueue() {
        stack.sqs.purgeQueue(b -> b.queueUrl(stack.workQueueUrl));
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static JsonNode run(String payload) throws Exception {
        return JSON.readTree(handler.handle(payload, TestContext.plenty()));
    }

    @Test
    void handle_should_failNamingTheField_when_aManualPayloadHasAnUnknownField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.handle("{\"sources\":[\"event_event\"],\"dryrun\":true}", TestContext.plenty()));

        assertEquals("unknown field 'dryrun' (allowed: sources, dryRun, limit)", e.getMessage());
    }

    @Test
    void handle_should_failListingTheSources_when_aSourceIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.handle("{\"sources\":[\"users\"]}", TestContext.plenty()));

        assertEquals("unknown source 'users' (configured: accounts_profile, post_postmedia, event_event)",
                e.getMessage());
    }

    @Test
    void handle_should_fail_when_thePayloadIsNotJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.handle("sources=all", TestContext.plenty()));

        assertThat(e.getMessage()).startsWith("payload is not valid JSON: ");
    }

    @Test
    void handle_should_walkEverySource_when_givenAScheduledEvent() throws Exception {
        JsonNode out = run("{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"detail\":{}}");

        assertThat(out.get("trigger").asText()).isEqualTo("schedule");
        assertThat(out.get("counts").fieldNames()).toIterable()
                .containsExactly("accounts_profile", "post_postmedia", "event_event");
        assertThat(out.get("total").get("enqueued").asInt()).isEqualTo(31);
        assertThat(stack.depth(stack.workQueueUrl)).isEqualTo(31);
    }

    @Test
    void handle_should_countAndSampleWithoutSending_when_dryRun() throws Exception {
        JsonNode out = run("{\"sources\":[\"accounts_profile\"],\"dryRun\":true}");

        JsonNode counts = out.get("counts").get("accounts_profile");
        assertThat(out.get("dryRun").asBoolean()).isTrue();
        assertThat(counts.get("seen").asInt()).isEqualTo(30);
        assertThat(counts.get("noUrl").asInt()).isEqualTo(15);
        assertThat(counts.get("alreadyWebp").asInt()).isEqualTo(15);
        assertThat(counts.get("enqueued").asInt()).isEqualTo(30);
        assertThat(out.get("samples")).hasSize(10);
        assertThat(out.get("samples").get(0).get("value").asText()).isEqualTo("a/1.jpg");
        assertThat(stack.depth(stack.workQueueUrl)).isZero();
        assertThat(lease().current(FanOutService.LEASE_NAME)).isEmpty();
    }

    @Test
    void handle_should_sendExactlyTheLimit_when_aLimitIsGiven() throws Exception {
        JsonNode out = run("{\"limit\":7}");

        assertThat(out.get("total").get("enqueued").asInt()).isEqualTo(7);
        assertThat(out.get("state").asText()).isEqualTo("done");
        assertThat(stack.depth(stack.workQueueUrl)).isEqualTo(7);
    }

    @Test
    void handleRequest_should_answerJson_when_calledAsAStreamHandler() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream("{\"dryRun\":true,\"sources\":[\"event_event\"]}"
                .getBytes(StandardCharsets.UTF_8)), out, TestContext.plenty());

        JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("counts").get("event_event").get("enqueued").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("event_event").get("noUrl").asInt()).isEqualTo(1);
    }

    @Test
    void handle_should_freeTheLease_when_theWalkFailsMidway() throws Exception {
        software.amazon.awssdk.services.sqs.SqsClient down = software.amazon.awssdk.services.sqs.SqsClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + Stack.closedPort()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))).build();
        FanOutHandler failing = new FanOutHandler(new FanOutService(config, stack.dataSource, stack.ledger(config),
                lease(), new SqsWorkQueue(down, stack.workQueueUrl), null), new RecordingTelemetry());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> failing.handle("{\"sources\":[\"event_event\"]}", TestContext.plenty()));

        assertThat(e.getMessage()).startsWith("fan-out: queue trouble: ");
        assertThat(lease().current(FanOutService.LEASE_NAME)).isEmpty();
    }

    @Test
    void handle_should_emitCountsAsEmbeddedMetrics_when_done() throws Exception {
        int before = telemetry.metrics.size();

        run("{\"dryRun\":true,\"sources\":[\"event_event\"]}");

        JsonNode emf = telemetry.metrics.get(before);
        assertThat(emf.get("Function").asText()).isEqualTo("fanout");
        assertThat(emf.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").findValuesAsText("Name"))
                .containsExactly("seen", "noUrl", "alreadyWebp", "doneBefore", "enqueued");
        assertThat(emf.get("enqueued").asInt()).isEqualTo(1);
    }
}
