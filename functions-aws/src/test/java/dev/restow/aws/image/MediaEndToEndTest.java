package dev.restow.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.fanout.FanOutHandler;
import dev.restow.aws.support.Stack;
import dev.restow.aws.support.TestContext;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.local.Corpus;
import dev.restow.media.Grant;
import dev.restow.media.LedgerEntry;
import dev.restow.media.internal.TargetKeys;
import dev.restow.reference.ObjectRef;
import dev.restow.reference.ReferenceParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Acceptance 1: the three default tables hold rows of every kind pointing at one corpus image per MANIFEST
 * category, in every reference form; the fan-out and the per-image handler (both wired from the environment, as
 * Lambda would) run over them; every row's outcome matches the table below, converted rows point at a decodable
 * WebP with the oriented dimensions and the original's headers, originals stay, ledger and counts agree.
 */
class MediaEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CDN = "https://cdn.example.test/media/";
    private static final String CACHE_CONTROL = "public, max-age=31536000";

    /** What each corpus category must come to: the codec's verdict, through the whole pipeline. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("camera-jpeg", "converted"),
            Map.entry("jpeg-gainmap-mpo", "converted"),
            Map.entry("progressive-jpeg", "converted"),
            Map.entry("cmyk-jpeg", "converted"),
            Map.entry("exif-orientation-jpeg", "converted"),
            Map.entry("icc-jpeg", "converted"),
            Map.entry("icc-png", "converted"),
            Map.entry("jpeg-lossless-sof3", "converted"),
            Map.entry("png-alpha", "converted"),
            Map.entry("png-rgb", "converted"),
            Map.entry("png-palette", "converted"),
            Map.entry("png-16bit", "converted"),
            Map.entry("grayscale", "converted"),
            Map.entry("apng", "skipped:animated"),
            Map.entry("gif-animated", "skipped:animated"),
            Map.entry("gif-static", "converted"),
            Map.entry("bmp", "converted"),
            Map.entry("tiff", "converted"),
            Map.entry("webp-lossy", "skipped:already-webp"),
            Map.entry("webp-lossless", "skipped:already-webp"),
            Map.entry("webp-animated", "skipped:already-webp"),
            Map.entry("avif-heic", "skipped:unsupported-format:avif"),
            Map.entry("jpeg2000", "skipped:unsupported-format:jp2"),
            Map.entry("svg", "skipped:unsupported-format:svg"),
            Map.entry("truncated-corrupt-jpeg", "rejected:corrupt"),
            Map.entry("truncated-corrupt-png", "rejected:corrupt"),
            Map.entry("zero-byte", "rejected:not-an-image"),
            Map.entry("text-as-jpg", "rejected:not-an-image"),
            Map.entry("decompression-bomb", "rejected:too-many-pixels"));

    /** Where one value sits and what must become of it. */
    private record Slot(String table, int id, String column, String value, String expected, Corpus.Entry entry,
                        String key) {
    }

    private static Stack stack;
    private static MediaConfig config;
    private static final List<Slot> slots = new ArrayList<>();
    private static JsonNode firstRun;
    private static JsonNode secondRun;
    private static List<SQSBatchResponse> responses;
    private static Map<String, LedgerEntry> ledger;

    @BeforeAll
    static void runThePipeline() throws Exception {
        Corpus corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
        stack = Stack.create("e2e");
        stack.createDefaultTables();
        Map<String, String> env = stack.env();
        env.put(MediaConfig.PUBLIC_URL_PREFIXES, CDN);
        config = stack.config(env);

        // one image per category: the smallest file
        Map<String, Corpus.Entry> perCategory = corpus.entries().stream().collect(Collectors.toMap(
                Corpus.Entry::category, Function.identity(),
                (a, b) -> a.bytes() <= b.bytes() ? a : b, LinkedHashMap::new));
        assertThat(EXPECTED.keySet()).as("every MANIFEST category has an expected outcome")
                .containsAll(perCategory.keySet());

        String[][] columns = {{"accounts_profile", "avatar"}, {"accounts_profile", "banner"},
                {"post_postmedia", "media_file"}, {"event_event", "cover"}, {"event_event", "poster"}};
        int k = 0;
        for (Corpus.Entry e : perCategory.values()) {
            String key = "corpus/" + e.category() + "/" + e.file();
            upload(key, e, k % 3 == 0);
            String[] col = columns[k % columns.length];
            slots.add(new Slot(col[0], 100 + k, col[1], reference(k, key), EXPECTED.get(e.category()), e, key));
            k++;
        }
        // a key that needs percent-encoding in URLs
        Corpus.Entry camera = perCategory.get("camera-jpeg");
        String spaced = "corpus/mit leerzeichen/ü " + camera.file();
        upload(spaced, camera, false);
        slots.add(new Slot("event_event", 90, "cover", "http://127.0.0.1:" + stack.s3Server.port() + "/"
                + stack.bucket + "/" + TargetKeys.encode(spaced), "converted", camera, spaced));
        // a WebP behind a .jpg name: the bytes decide
        Corpus.Entry webp = perCategory.get("webp-lossy");
        upload("disguised/photo.jpg", webp, false);
        slots.add(new Slot("event_event", 91, "poster", "disguised/photo.jpg", "skipped:already-webp", webp,
                "disguised/photo.jpg"));
        // rows with nothing to fetch
        slots.add(new Slot("accounts_profile", 1, "avatar", null, "no-url", null, null));
        slots.add(new Slot("accounts_profile", 1, "banner", "", "no-url", null, null));
        slots.add(new Slot("accounts_profile", 2, "avatar", "https://other-bucket.s3.amazonaws.com/corpus/a.jpg",
                "rejected:foreign-bucket", null, null));
        slots.add(new Slot("accounts_profile", 2, "banner", "https://images.example.org/a.jpg",
                "rejected:foreign-bucket", null, null));
        slots.add(new Slot("post_postmedia", 3, "media_file", "missing/nothing.jpg", "rejected:not-found", null,
                null));
        slots.add(new Slot("event_event", 4, "cover", "uploads/already.webp", "skipped:already-webp", null, null));
        slots.add(new Slot("event_event", 4, "poster", null, "no-url", null, null));
        insertRows();
        stack.sql("INSERT INTO post_postmedia (id, media_type, media_file) VALUES (5, 'video', 'videos/clip.mp4')");

        FanOutHandler fanOut = new FanOutHandler(Env.of(env));
        ImageHandler images = new ImageHandler(Env.of(env));
        firstRun = JSON.readTree(fanOut.handle("{}", TestContext.plenty()));
        responses = stack.drain(images);
        secondRun = JSON.readTree(fanOut.handle("{\"version\":\"0\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"detail\":{}}", TestContext.plenty()));
        ledger = new HashMap<>();
        for (LedgerEntry e : stack.ledger(config).all()) {
            ledger.put(e.source() + "#" + e.id() + "." + e.column(), e);
        }
    }

    @AfterAll
    static void tearDown() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Every reference form, in turn. */
    private static String reference(int k, String key) {
        String enc = TargetKeys.encode(key);
        String b = stack.bucket;
        return switch (k % 8) {
            case 0 -> key;
            case 1 -> "http://127.0.0.1:" + stack.s3Server.port() + "/" + b + "/" + enc;
            case 2 -> "https://" + b + ".s3.amazonaws.com/" + enc;
            case 3 -> "https://s3.amazonaws.com/" + b + "/" + enc;
            case 4 -> "https://" + b + ".s3.eu-west-1.amazonaws.com/" + enc + "?v=2";
            case 5 -> "s3://" + b + "/" + enc;
            case 6 -> CDN + enc;
            default -> "https://" + b + ".s3-us-west-2.amazonaws.com/" + enc;
        };
    }

    private static void upload(String key, Corpus.Entry e, boolean publicRead) throws Exception {
        stack.s3.putObject(b -> {
            b.bucket(stack.bucket).key(key).contentType(contentType(e.file())).cacheControl(CACHE_CONTROL)
                    .contentDisposition("inline; filename=\"" + e.file() + "\"").metadata(Map.of("owner", "e2e"));
            if (publicRead) {
                b.acl(ObjectCannedACL.PUBLIC_READ);
            }
        }, RequestBody.fromBytes(Files.readAllBytes(e.path())));
    }

    private static String contentType(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".png")) {
            return "image/png";
        }
        if (f.endsWith(".gif")) {
            return "image/gif";
        }
        if (f.endsWith(".webp")) {
            return "image/webp";
        }
        return f.endsWith(".jpg") || f.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
    }

    private static void insertRows() {
        Map<String, Map<Integer, Map<String, String>>> rows = new LinkedHashMap<>();
        for (Slot s : slots) {
            rows.computeIfAbsent(s.table, t -> new LinkedHashMap<>()).computeIfAbsent(s.id, i -> new HashMap<>())
                    .put(s.column, s.value);
        }
        try (var c = stack.dataSource.getConnection()) {
            for (var t : rows.entrySet()) {
                for (var r : t.getValue().entrySet()) {
                    String sql = switch (t.getKey()) {
                        case "accounts_profile" -> "INSERT INTO accounts_profile (id, avatar, banner) VALUES (?, ?, ?)";
                        case "post_postmedia" -> "INSERT INTO post_postmedia (id, media_type, media_file) "
                                + "VALUES (?, 'image', ?)";
                        default -> "INSERT INTO event_event (id, cover, poster) VALUES (?, ?, ?)";
                    };
                    try (var ps = c.prepareStatement(sql)) {
                        ps.setInt(1, r.getKey());
                        switch (t.getKey()) {
                            case "accounts_profile" -> {
                                ps.setString(2, r.getValue().get("avatar"));
                                ps.setString(3, r.getValue().get("banner"));
                            }
                            case "post_postmedia" -> ps.setString(2, r.getValue().get("media_file"));
                            default -> {
                                ps.setString(2, r.getValue().get("cover"));
                                ps.setString(3, r.getValue().get("poster"));
                            }
                        }
                        ps.executeUpdate();
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcomeOf(Slot s) {
        String now = stack.value(s.table, s.column, s.id);
        if (s.value == null || s.value.isEmpty()) {
            return now == null || now.isEmpty() ? "no-url" : "changed to " + now;
        }
        if (TargetKeys.looksLikeWebp(s.value)) {
            // counted by the fan-out, never sent: no ledger entry, row untouched
            return s.value.equals(now) && !ledger.containsKey(s.table + "#" + s.id + "." + s.column)
                    ? "skipped:already-webp" : "touched";
        }
        LedgerEntry e = ledger.get(s.table + "#" + s.id + "." + s.column);
        return e == null ? "no ledger entry" : e.outcome().toString();
    }

    @Test
    void pipeline_should_giveEveryRowTheOutcomeOfItsCategory_when_theQueueIsDrained() {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Slot s : slots) {
            String name = s.table + "#" + s.id + "." + s.column + (s.entry == null ? "" : " (" + s.entry.category()
                    + " " + s.entry.file() + ")");
            expected.put(name, s.expected);
            actual.put(name, outcomeOf(s));
        }

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void pipeline_should_returnNoBatchItemFailures_when_nothingIsTransient() {
        assertThat(responses).isNotEmpty().allSatisfy(r -> assertThat(r.getBatchItemFailures()).isEmpty());
    }

    @Test
    void convertedRows_should_pointAtADecodableWebpWithOrientedDimensions_when_converted() throws Exception {
        ReferenceParser parser = new ReferenceParser(config.storage());
        List<Slot> converted = slots.stream().filter(s -> s.expected.equals("converted")).toList();
        assertThat(converted).hasSizeGreaterThan(15);
        for (Slot s : converted) {
            String now = stack.value(s.table, s.column, s.id);
            ObjectRef before = parser.parse(s.value).orElseThrow();
            ObjectRef after = parser.parse(now).orElseThrow();
            assertThat(after.form()).as("form kept for %s", s.value).isEqualTo(before.form());
            assertThat(after.key()).isEqualTo(TargetKeys.replaced(s.key));
            assertThat(now).isEqualTo(before.withKey(TargetKeys.replaced(s.key)));
            byte[] webp = stack.s3.getObjectAsBytes(b -> b.bucket(stack.bucket).key(after.key())).asByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(webp));
            assertThat(image).as("decodes: %s", after.key()).isNotNull();
            boolean rotated = s.entry.category().equals("exif-orientation-jpeg");
            assertThat(image.getWidth()).as("width of %s", after.key())
                    .isEqualTo(rotated ? s.entry.height() : s.entry.width());
            assertThat(image.getHeight()).as("height of %s", after.key())
                    .isEqualTo(rotated ? s.entry.width() : s.entry.height());
        }
    }

    @Test
    void convertedObjects_should_keepTheOriginalsHeaders_when_uploaded() {
        for (Slot s : slots.stream().filter(x -> x.expected.equals("converted")).toList()) {
            HeadObjectResponse h = stack.s3.headObject(b -> b.bucket(stack.bucket).key(TargetKeys.replaced(s.key)));
            assertThat(h.contentType()).isEqualTo("image/webp");
            assertThat(h.cacheControl()).isEqualTo(CACHE_CONTROL);
            assertThat(h.contentDisposition()).isEqualTo("inline; filename=\"" + s.entry.file() + "\"");
            assertThat(h.metadata()).containsEntry("owner", "e2e")
                    .containsEntry(TargetKeys.SOURCE_KEY, TargetKeys.encode(s.key))
                    .containsKey(TargetKeys.SOURCE_ETAG);
        }
    }

    @Test
    void convertedObjects_should_keepAPublicReadAcl_when_theOriginalWasPublic() {
        List<Slot> publicOnes = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.expected.equals("converted") && s.id >= 100 && (s.id - 100) % 3 == 0) {
                publicOnes.add(s);
            }
        }
        assertThat(publicOnes).isNotEmpty();
        for (Slot s : publicOnes) {
            var acl = stack.s3.getObjectAcl(b -> b.bucket(stack.bucket).key(TargetKeys.replaced(s.key)));
            assertThat(acl.grants()).anySatisfy(g -> {
                assertThat(g.grantee().type()).isEqualTo(Type.GROUP);
                assertThat(g.grantee().uri()).isEqualTo(Grant.ALL_USERS);
                assertThat(g.permission()).isEqualTo(Permission.READ);
            });
        }
    }

    @Test
    void originals_should_stillBePresent_when_converted() {
        for (Slot s : slots.stream().filter(x -> x.key != null).toList()) {
            HeadObjectResponse h = stack.s3.headObject(b -> b.bucket(stack.bucket).key(s.key));
            assertThat(h.contentLength()).isEqualTo(s.entry.bytes());
        }
    }

    @Test
    void ledger_should_recordBytesAndNewValues_when_converted() {
        for (Slot s : slots.stream().filter(x -> x.expected.equals("converted")).toList()) {
            LedgerEntry e = ledger.get(s.table + "#" + s.id + "." + s.column);
            assertThat(e.oldValue()).isEqualTo(s.value);
            assertThat(e.newValue()).isEqualTo(stack.value(s.table, s.column, s.id));
            assertThat(e.bytesIn()).isEqualTo(s.entry.bytes());
            assertThat(e.bytesOut()).isPositive().isLessThan(e.bytesIn());
            assertThat(e.runId()).isEqualTo(firstRun.get("runId").asText());
        }
        long processed = slots.stream().filter(s -> s.value != null && !s.value.isEmpty()
                && !TargetKeys.looksLikeWebp(s.value)).count();
        assertThat(ledger).hasSize((int) processed);
    }

    @Test
    void fanOut_should_countEveryKindOfValue_when_walkingTheDefaultTables() {
        JsonNode total = firstRun.get("total");
        // values never set in a row (the other column of a one-image row) are NULL too
        Map<String, List<String>> columnsOf = Map.of("accounts_profile", List.of("avatar", "banner"),
                "post_postmedia", List.of("media_file"), "event_event", List.of("cover", "poster"));
        long unset = slots.stream().map(s -> s.table + "#" + s.id).distinct().mapToLong(row -> {
            String table = row.substring(0, row.indexOf('#'));
            return columnsOf.get(table).stream().filter(c -> slots.stream()
                    .noneMatch(s -> (s.table + "#" + s.id).equals(row) && s.column.equals(c))).count();
        }).sum();
        long noUrl = slots.stream().filter(s -> s.expected.equals("no-url")).count() + unset;
        long webp = slots.stream().filter(s -> s.value != null && TargetKeys.looksLikeWebp(s.value)).count();
        long rows = slots.stream().map(s -> s.table + "#" + s.id).distinct().count();

        assertThat(firstRun.get("state").asText()).isEqualTo("done");
        assertThat(total.get("seen").asLong()).isEqualTo(rows);
        assertThat(total.get("noUrl").asLong()).isEqualTo(noUrl);
        assertThat(total.get("alreadyWebp").asLong()).isEqualTo(webp);
        assertThat(total.get("doneBefore").asLong()).isZero();
        assertThat(total.get("enqueued").asLong()).isEqualTo(slots.size() + unset - noUrl - webp);
        assertThat(firstRun.get("counts").get("post_postmedia").get("seen").asLong())
                .as("the video row is not selected").isEqualTo(slots.stream()
                        .filter(s -> s.table.equals("post_postmedia")).count());
    }

    @Test
    void nextScheduledRun_should_enqueueNothing_when_everyValueIsSettled() {
        JsonNode total = secondRun.get("total");
        long convertedCount = slots.stream().filter(s -> s.expected.equals("converted")).count();
        long settled = slots.stream().filter(s -> s.value != null && !TargetKeys.looksLikeWebp(s.value)
                && !s.expected.equals("converted") && !s.expected.equals("no-url")).count();

        assertThat(total.get("enqueued").asLong()).isZero();
        assertThat(total.get("doneBefore").asLong()).isEqualTo(settled);
        assertThat(total.get("alreadyWebp").asLong()).isEqualTo(firstRun.get("total").get("alreadyWebp").asLong()
                + convertedCount);
        assertThat(stack.depth(stack.workQueueUrl)).isZero();
    }

}
