package dev.restow.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.restow.aws.support.RecordingTelemetry;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.config.MediaConfig;
import dev.restow.local.Corpus;
import dev.restow.media.ImageTask;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-image handler's batch contract: partial failures, the time reserve, log lines and EMF metrics. */
class ImageHandlerTest {
    private static Stack stack;
    private static MediaConfig config;
    private static Corpus.Entry jpeg;

    @BeforeAll
    static void setUp() {
        Corpus corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
        jpeg = corpus.entry("ianare-Canon_40D.jpg").orElseThrow();
        stack = Stack.create("handler");
        stack.createDefaultTables();
        config = stack.config();
        stack.upload("h/a.jpg", jpeg.path(), "image/jpeg");
        stack.sql("INSERT INTO accounts_profile (id, avatar, banner) VALUES (1, 'h/a.jpg', 'h/missing.png'), "
                + "(2, 'h/a.jpg', NULL), (3, 'h/a.jpg', NULL), (4, NULL, 'h/gone.png')");
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static String task(int id, String column, String value) {
        return ImageTask.of("accounts_profile", Integer.toString(id), column, value, "run-h").toJson();
    }

    @Test
    void handleRequest_should_returnEveryMessageUnstarted_when_lessTimeThanTheReserveRemains() throws Exception {
        RecordingTelemetry t = new RecordingTelemetry();
        SQSEvent event = stack.eventOf(task(2, "avatar", "h/a.jpg"), task(3, "avatar", "h/a.jpg"));

        SQSBatchResponse r = stack.imageHandler(config, t).handleRequest(event, TestContext.remaining(5_000));

        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId(), event.getRecords().get(1).getMessageId());
        assertThat(t.messageLines()).isEmpty();
        assertThat(stack.ledger(config).find("accounts_profile", "2", "avatar", "h/a.jpg")).isEmpty();
        assertThat(stack.value("accounts_profile", "avatar", 2)).isEqualTo("h/a.jpg");
    }

    @Test
    void handleRequest_should_notFailTheBatch_when_aMessageIsRejected() {
        RecordingTelemetry t = new RecordingTelemetry();

        SQSBatchResponse r = stack.imageHandler(config, t).handleRequest(
                stack.eventOf(task(1, "banner", "h/missing.png")), TestContext.plenty());

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(t.messageLines()).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("not-found"));
    }

    @Test
    void handleRequest_should_dropABodyThatIsNoTask_when_itCannotBeParsed() {
        RecordingTelemetry t = new RecordingTelemetry();

        SQSBatchResponse r = stack.imageHandler(config, t).handleRequest(stack.eventOf("{\"hello\":1}"),
                TestContext.plenty());

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(t.messageLines()).singleElement().satisfies(l -> {
            assertThat(l.get("outcome").asText()).isEqualTo("rejected");
            assertThat(l.get("reason").asText()).isEqualTo("bad-message");
            assertThat(l.get("detail").asText()).isEqualTo("image task: missing field 'source'");
        });
    }

    @Test
    void handleRequest_should_logOneStructuredLinePerMessageAndABatchSummary_when_converting() {
        RecordingTelemetry t = new RecordingTelemetry();
        SQSEvent event = stack.eventOf(task(1, "avatar", "h/a.jpg"));

        stack.imageHandler(config, t).handleRequest(event, TestContext.plenty());

        JsonNode line = t.messageLines().get(0);
        assertThat(line.get("messageId").asText()).isEqualTo(event.getRecords().get(0).getMessageId());
        assertThat(line.get("source").asText()).isEqualTo("accounts_profile");
        assertThat(line.get("id").asText()).isEqualTo("1");
        assertThat(line.get("column").asText()).isEqualTo("avatar");
        assertThat(line.get("outcome").asText()).isEqualTo("converted");
        assertThat(line.get("reason").asText()).isEmpty();
        assertThat(line.get("bytesIn").asLong()).isEqualTo(jpeg.bytes());
        assertThat(line.get("bytesOut").asLong()).isPositive().isLessThan(jpeg.bytes());
        assertThat(line.has("millis")).isTrue();
        assertThat(line.get("encodeMillis").asLong()).isNotNegative()
                .isLessThanOrEqualTo(line.get("millis").asLong());
        assertThat(line.get("decodeMillis").asLong()).isNotNegative()
                .isLessThanOrEqualTo(line.get("millis").asLong());
        JsonNode batch = t.events.stream().filter(e -> e.has("batch")).findFirst().orElseThrow().get("batch");
        assertThat(batch.get("messages").asInt()).isEqualTo(1);
        assertThat(batch.get("converted").asInt()).isEqualTo(1);
        assertThat(batch.get("bytesSaved").asLong()).isEqualTo(jpeg.bytes() - line.get("bytesOut").asLong());
    }

    @Test
    void handleRequest_should_emitCloudWatchEmbeddedMetrics_when_aBatchEnds() {
        RecordingTelemetry t = new RecordingTelemetry();

        stack.imageHandler(config, t).handleRequest(stack.eventOf("not json", task(4, "banner", "h/gone.png")),
                TestContext.plenty());

        assertThat(t.metrics).singleElement().satisfies(emf -> {
            JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
            assertThat(directive.get("Namespace").asText()).isEqualTo("restow");
            assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("Function");
            List<String> names = directive.get("Metrics").findValuesAsText("Name");
            assertThat(names).containsExactly("converted", "skipped", "rejected", "failed", "bytesSaved");
            assertThat(emf.get("_aws").get("Timestamp").asLong()).isPositive();
            assertThat(emf.get("Function").asText()).isEqualTo("image");
            assertThat(emf.get("rejected").asInt()).isEqualTo(2);
            assertThat(emf.get("converted").asInt()).isZero();
        });
    }
}
