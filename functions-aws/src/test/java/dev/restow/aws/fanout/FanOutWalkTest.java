package dev.restow.aws.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.support.RecordingTelemetry;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.aws.sqs.SqsWorkQueue;
import dev.restow.config.MediaConfig;
import dev.restow.media.FanOutService;
import dev.restow.media.Lease;
import dev.restow.media.Ledger;
import dev.restow.media.LedgerEntry;
import dev.restow.outcome.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Acceptance 3: a walk over 100,000 rows with keyset pages, handed on through the control queue when a tiny time
 * budget runs out, and a second scheduled run during the walk doing nothing.
 */
class FanOutWalkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 100_000;
    private static final int PAGE = 1000;
    private static final String SCHEDULED = "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"Scheduled Event\","
            + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"2026-11-22T03:00:00Z\","
            + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:events:us-east-1:000000000000:rule/nightly\"],"
            + "\"detail\":{}}";

    private static Stack stack;
    private static MediaConfig config;
    private static FanOutHandler handler;
    private static RecordingTelemetry telemetry;

    @BeforeAll
    static void setUp() throws Exception {
        stack = Stack.create("walk");
        stack.createDefaultTables();
        // avatar: 1 in 40 to convert, the rest NULL, empty or .webp in equal parts; banner: 1 in 100 to convert,
        // the rest NULL; event_event and post_postmedia stay empty
        stack.sql("INSERT INTO accounts_profile (id, avatar, banner) SELECT i, "
                + "CASE WHEN i % 40 = 3 THEN 'avatars/' || i || '.jpg' WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN '' "
                + "ELSE 'avatars/' || i || '.webp' END, "
                + "CASE WHEN i % 100 = 0 THEN 'banners/' || i || '.png' ELSE NULL END "
                + "FROM generate_series(1, " + ROWS + ") AS i");
        Map<String, String> env = stack.env();
        env.put(MediaConfig.PAGE_SIZE, Integer.toString(PAGE));
        config = stack.config(env);
        Ledger ledger = stack.ledger(config);
        // 500 of the avatars to convert were settled before: the walk leaves them out
        for (int i = 3; i < 20_000; i += 40) {
            ledger.record(new LedgerEntry("accounts_profile", Integer.toString(i), "avatar", "avatars/" + i + ".jpg",
                    "", Outcome.rejected("corrupt"), 10, 0, "earlier", null));
        }
        telemetry = new RecordingTelemetry();
        handler = handler(config, telemetry);
    }

    private static FanOutHandler handler(MediaConfig config, RecordingTelemetry telemetry) {
        FanOutService service = new FanOutService(config, stack.dataSource, stack.ledger(config),
                new Lease(stack.dataSource, config.leaseTable(), config.dbStatementTimeout()),
                new SqsWorkQueue(stack.sqs, stack.workQueueUrl), new SqsWorkQueue(stack.sqs, stack.controlQueueUrl));
        return new FanOutHandler(service, telemetry);
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    @Test
    void walk_should_enqueueEveryValueOnce_when_aTinyTimeBudgetHandsTheCursorOnAndASecondRunComesMeanwhile()
            throws Exception {
        // first invocation: scheduled; the time budget runs out after a few pages
        JsonNode first = JSON.readTree(handler.handle(SCHEDULED, TestContext.runsOutAfter(10)));
        assertThat(first.get("state").asText()).isEqualTo("continued");
        int invocations = 1;
        int pages = first.get("pages").asInt();
        int maxPageRows = first.get("maxPageRows").asInt();
        int queuedAfterFirst = stack.depth(stack.workQueueUrl);

        // a second scheduled run while the walk goes does nothing
        JsonNode second = JSON.readTree(handler.handle(SCHEDULED, TestContext.plenty()));
        assertThat(second.get("state").asText()).isEqualTo("lease-held");
        assertThat(second.get("leaseHolder").asText()).isEqualTo(first.get("runId").asText());
        assertThat(second.get("total").get("enqueued").asLong()).isZero();
        assertThat(stack.depth(stack.workQueueUrl)).isEqualTo(queuedAfterFirst);

        // continuations arrive on the control queue; feed them back as the SQS trigger would
        JsonNode last = first;
        while (true) {
            List<Message> control = stack.receive(stack.controlQueueUrl, 1);
            if (control.isEmpty()) {
                break;
            }
            JsonNode out = JSON.readTree(handler.handle(stack.eventJson(stack.controlQueueUrl, control),
                    TestContext.runsOutAfter(10)));
            stack.delete(stack.controlQueueUrl, control);
            last = out.get("results").get(0);
            assertThat(last.get("runId").asText()).isEqualTo(first.get("runId").asText());
            invocations++;
            pages += last.get("pages").asInt();
            maxPageRows = Math.max(maxPageRows, last.get("maxPageRows").asInt());
        }

        JsonNode counts = last.get("counts").get("accounts_profile");
        long toConvert = ROWS / 40 + ROWS / 100;
        long webp = 0;
        long noUrl = ROWS - ROWS / 100; // banners
        for (int i = 1; i <= ROWS; i++) {
            if (i % 40 != 3) {
                if (i % 3 == 2) {
                    webp++;
                } else {
                    noUrl++;
                }
            }
        }
        assertThat(last.get("state").asText()).isEqualTo("done");
        assertThat(invocations).isGreaterThan(5);
        assertThat(counts.get("seen").asLong()).isEqualTo(ROWS);
        assertThat(counts.get("noUrl").asLong()).isEqualTo(noUrl);
        assertThat(counts.get("alreadyWebp").asLong()).isEqualTo(webp);
        assertThat(counts.get("doneBefore").asLong()).isEqualTo(500);
        assertThat(counts.get("enqueued").asLong()).isEqualTo(toConvert - 500);
        assertThat(stack.depth(stack.workQueueUrl)).isEqualTo((int) (toConvert - 500));
        // keyset pages of at most PAGE rows: 100 full pages of accounts_profile, one empty page closing it, and one
        // (empty) page for each of the two other tables
        assertThat(maxPageRows).isEqualTo(PAGE);
        assertThat(pages).isEqualTo(ROWS / PAGE + 1 + 2);
        assertThat(new Lease(stack.dataSource, config.leaseTable(), config.dbStatementTimeout())
                .current(FanOutService.LEASE_NAME)).isEmpty();
    }
}
