package dev.restow.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.restow.aws.fanout.FanOutHandler;
import dev.restow.aws.support.RecordingTelemetry;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.local.Corpus;
import dev.restow.media.ImageTask;
import dev.restow.media.LedgerEntry;
import dev.restow.media.ObjectAcl;
import dev.restow.media.ObjectHeaders;
import dev.restow.media.ObjectInfo;
import dev.restow.media.ObjectStore;
import dev.restow.media.StoreException;
import dev.restow.media.WriteCondition;
import dev.restow.media.internal.TargetKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: redelivery, ten concurrent copies of one message, a row changed between fan-out and conversion, and
 * {@code a.jpg} next to {@code a.png} are all harmless: one WebP, one row update, one ledger entry, nothing
 * overwritten.
 */
class HarmlessTest {
    private static Stack stack;
    private static MediaConfig config;
    private static Corpus.Entry jpeg;
    private static Corpus.Entry png;

    @BeforeAll
    static void setUp() {
        Corpus corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
        jpeg = corpus.entry("ianare-Canon_40D.jpg").orElseThrow();
        png = corpus.entry("sharp-swiss.png").orElseThrow();
        stack = Stack.create("harmless");
        stack.createDefaultTables();
        stack.countUpdates("accounts_profile");
        stack.countUpdates("post_postmedia");
        config = stack.config();
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static String task(String table, int id, String column, String value) {
        return ImageTask.of(table, Integer.toString(id), column, value, "run-harmless").toJson();
    }

    private static List<LedgerEntry> ledgerFor(String table, int id) throws Exception {
        return stack.ledger(config).all().stream()
                .filter(e -> e.source().equals(table) && e.id().equals(Integer.toString(id))).toList();
    }

    @Test
    void redelivery_should_leaveOneWebpOneUpdateOneLedgerEntry_when_theSameMessageComesTwice() throws Exception {
        stack.upload("redeliver/a.jpg", jpeg.path(), "image/jpeg");
        stack.sql("INSERT INTO accounts_profile (id, avatar) VALUES (1, 'redeliver/a.jpg')");
        RecordingTelemetry t = new RecordingTelemetry();
        ImageHandler handler = stack.imageHandler(config, t);
        String body = task("accounts_profile", 1, "avatar", "redeliver/a.jpg");

        SQSBatchResponse first = handler.handleRequest(stack.eventOf(body), TestContext.plenty());
        SQSBatchResponse second = handler.handleRequest(stack.eventOf(body), TestContext.plenty());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(t.messageLines()).extracting(l -> l.get("outcome").asText() + ":" + l.get("reason").asText())
                .containsExactly("converted:", "skipped:already-done");
        assertThat(stack.keys("redeliver/")).containsExactly("redeliver/a.jpg", "redeliver/a.webp");
        assertThat(stack.value("accounts_profile", "avatar", 1)).isEqualTo("redeliver/a.webp");
        assertThat(stack.updates("accounts_profile", 1)).isEqualTo(1);
        assertThat(ledgerFor("accounts_profile", 1)).singleElement()
                .satisfies(e -> assertThat(e.outcome().toString()).isEqualTo("converted"));
    }

    @Test
    void tenConcurrentCopies_should_leaveOneWebpOneUpdateOneLedgerEntry_when_deliveredAtOnce() throws Exception {
        stack.upload("tenfold/a.jpg", jpeg.path(), "image/jpeg");
        stack.sql("INSERT INTO accounts_profile (id, avatar) VALUES (2, 'tenfold/a.jpg')");
        String body = task("accounts_profile", 2, "avatar", "tenfold/a.jpg");
        RecordingTelemetry t = new RecordingTelemetry();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<SQSBatchResponse>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ImageHandler container = stack.imageHandler(config, t); // ten containers
            results.add(pool.submit(() -> {
                start.await();
                return container.handleRequest(stack.eventOf(body), TestContext.plenty());
            }));
        }
        start.countDown();
        for (Future<SQSBatchResponse> r : results) {
            assertThat(r.get(2, TimeUnit.MINUTES).getBatchItemFailures()).isEmpty();
        }
        pool.shutdown();

        assertThat(t.messageLines()).extracting(l -> l.get("outcome").asText())
                .containsOnly("converted", "skipped").containsOnlyOnce("converted");
        assertThat(t.messageLines()).filteredOn(l -> l.get("outcome").asText().equals("skipped"))
                .extracting(l -> l.get("reason").asText()).containsOnly("already-done");
        assertThat(stack.keys("tenfold/")).containsExactly("tenfold/a.jpg", "tenfold/a.webp");
        assertThat(stack.value("accounts_profile", "avatar", 2)).isEqualTo("tenfold/a.webp");
        assertThat(stack.updates("accounts_profile", 2)).isEqualTo(1);
        assertThat(ledgerFor("accounts_profile", 2)).hasSize(1);
    }

    @Test
    void rowChangedAfterFanOut_should_beSkippedAndKept_when_theMessageArrives() throws Exception {
        stack.upload("changed/a.jpg", jpeg.path(), "image/jpeg");
        stack.sql("INSERT INTO event_event (id, cover) VALUES (1, 'changed/a.jpg')");
        FanOutHandler fanOut = new FanOutHandler(Env.of(stack.env()));
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                fanOut.handle("{\"sources\":[\"event_event\"]}", TestContext.plenty()));
        assertThat(run.get("total").get("enqueued").asInt()).isEqualTo(1);
        stack.sql("UPDATE event_event SET cover = 'changed/uploaded-later.png' WHERE id = 1");
        RecordingTelemetry t = new RecordingTelemetry();

        List<SQSBatchResponse> responses = stack.drain(stack.imageHandler(config, t));

        assertThat(responses).allSatisfy(r -> assertThat(r.getBatchItemFailures()).isEmpty());
        assertThat(t.messageLines()).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("row-changed"));
        assertThat(stack.value("event_event", "cover", 1)).isEqualTo("changed/uploaded-later.png");
        assertThat(stack.keys("changed/")).containsExactly("changed/a.jpg");
        assertThat(ledgerFor("event_event", 1)).singleElement()
                .satisfies(e -> assertThat(e.outcome().toString()).isEqualTo("skipped:row-changed"));
    }

    @Test
    void rowChangedDuringConversion_should_neverBeOverwritten_when_theUpdateComes() throws Exception {
        stack.upload("racing/a.jpg", jpeg.path(), "image/jpeg");
        stack.sql("INSERT INTO accounts_profile (id, avatar) VALUES (3, 'racing/a.jpg')");
        // the user uploads a new avatar while the WebP is being written
        ObjectStore racing = new RowChangingStore(stack.store(),
                "UPDATE accounts_profile SET avatar = 'racing/new.jpg' WHERE id = 3");
        RecordingTelemetry t = new RecordingTelemetry();
        ImageHandler handler = new ImageHandler(stack.processor(config, racing), config.imageReserve(), t);

        SQSBatchResponse r = handler.handleRequest(stack.eventOf(task("accounts_profile", 3, "avatar", "racing/a.jpg")),
                TestContext.plenty());

        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(t.messageLines()).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("row-changed"));
        assertThat(stack.value("accounts_profile", "avatar", 3)).isEqualTo("racing/new.jpg");
        assertThat(ledgerFor("accounts_profile", 3)).singleElement()
                .satisfies(e -> assertThat(e.outcome().toString()).isEqualTo("skipped:row-changed"));
    }

    @Test
    void jpgAndPngOfTheSameName_should_getTwoWebps_when_convertedOneAfterTheOther() throws Exception {
        stack.upload("same/a.jpg", jpeg.path(), "image/jpeg");
        stack.upload("same/a.png", png.path(), "image/png");
        stack.sql("INSERT INTO post_postmedia (id, media_type, media_file) VALUES (1, 'image', 'same/a.jpg'), "
                + "(2, 'image', 'same/a.png')");
        ImageHandler handler = stack.imageHandler(config, new RecordingTelemetry());

        handler.handleRequest(stack.eventOf(task("post_postmedia", 1, "media_file", "same/a.jpg")), TestContext.plenty());
        handler.handleRequest(stack.eventOf(task("post_postmedia", 2, "media_file", "same/a.png")), TestContext.plenty());

        assertThat(stack.value("post_postmedia", "media_file", 1)).isEqualTo("same/a.webp");
        assertThat(stack.value("post_postmedia", "media_file", 2)).isEqualTo("same/a.png.webp");
        assertMadeFrom("same/a.webp", "same/a.jpg", jpeg);
        assertMadeFrom("same/a.png.webp", "same/a.png", png);
        assertThat(stack.keys("same/")).containsExactly("same/a.jpg", "same/a.png", "same/a.png.webp", "same/a.webp");
    }

    @Test
    void jpgAndPngOfTheSameName_should_neverShareAWebp_when_convertedAtOnce() throws Exception {
        stack.upload("both/a.jpg", jpeg.path(), "image/jpeg");
        stack.upload("both/a.png", png.path(), "image/png");
        stack.sql("INSERT INTO post_postmedia (id, media_type, media_file) VALUES (3, 'image', 'both/a.jpg'), "
                + "(4, 'image', 'both/a.png')");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<SQSBatchResponse>> results = new ArrayList<>();
        for (String[] m : new String[][] {{"3", "both/a.jpg"}, {"4", "both/a.png"}}) {
            ImageHandler container = stack.imageHandler(config, new RecordingTelemetry());
            String body = task("post_postmedia", Integer.parseInt(m[0]), "media_file", m[1]);
            results.add(pool.submit(() -> {
                start.await();
                return container.handleRequest(stack.eventOf(body), TestContext.plenty());
            }));
        }
        start.countDown();
        for (Future<SQSBatchResponse> r : results) {
            assertThat(r.get(2, TimeUnit.MINUTES).getBatchItemFailures()).isEmpty();
        }
        pool.shutdown();

        String jpgTarget = stack.value("post_postmedia", "media_file", 3);
        String pngTarget = stack.value("post_postmedia", "media_file", 4);
        assertThat(jpgTarget).isNotEqualTo(pngTarget);
        assertThat(List.of(jpgTarget, pngTarget)).containsExactlyInAnyOrder("both/a.webp",
                jpgTarget.equals("both/a.webp") ? "both/a.png.webp" : "both/a.jpg.webp");
        assertMadeFrom(jpgTarget, "both/a.jpg", jpeg);
        assertMadeFrom(pngTarget, "both/a.png", png);
    }

    private static void assertMadeFrom(String webpKey, String sourceKey, Corpus.Entry entry) throws Exception {
        Map<String, String> metadata = stack.s3.headObject(b -> b.bucket(stack.bucket).key(webpKey)).metadata();
        assertThat(metadata).containsEntry(TargetKeys.SOURCE_KEY, TargetKeys.encode(sourceKey));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                stack.s3.getObjectAsBytes(b -> b.bucket(stack.bucket).key(webpKey)).asByteArray()));
        assertThat(image.getWidth()).isEqualTo(entry.width());
        assertThat(image.getHeight()).isEqualTo(entry.height());
    }

    /** The real store, with a row changed in the database just before the upload: a user acting meanwhile. */
    private static final class RowChangingStore implements ObjectStore {
        private final ObjectStore delegate;
        private final String sql;

        RowChangingStore(ObjectStore delegate, String sql) {
            this.delegate = delegate;
            this.sql = sql;
        }

        @Override
        public ObjectInfo head(String key) throws StoreException {
            return delegate.head(key);
        }

        @Override
        public Map<String, String> tags(String key) throws StoreException {
            return delegate.tags(key);
        }

        @Override
        public ObjectAcl acl(String key) throws StoreException {
            return delegate.acl(key);
        }

        @Override
        public byte[] get(String key, String eTag) throws StoreException {
            return delegate.get(key, eTag);
        }

        @Override
        public String put(String key, byte[] body, ObjectHeaders headers, WriteCondition condition)
                throws StoreException {
            stack.sql(sql);
            return delegate.put(key, body, headers, condition);
        }

        @Override
        public void delete(String key) throws StoreException {
            delegate.delete(key);
        }
    }
}
