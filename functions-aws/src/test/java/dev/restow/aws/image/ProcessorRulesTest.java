package dev.restow.aws.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.aws.support.Stack;
import dev.restow.config.MediaConfig;
import dev.restow.local.Corpus;
import dev.restow.media.ImageResult;
import dev.restow.media.ImageTask;
import dev.restow.media.internal.TargetKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/** The per-image rules on real servers: size limit, target keys and their fall-back, ACL copy, deleting originals. */
class ProcessorRulesTest {
    private static final String CDN = "https://cdn.example.test/";
    private static Stack stack;
    private static Corpus.Entry jpeg;
    private static int nextId = 1;

    @BeforeAll
    static void setUp() {
        Corpus corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
        jpeg = corpus.entry("ianare-Canon_40D.jpg").orElseThrow();
        stack = Stack.create("rules");
        stack.createDefaultTables();
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static MediaConfig config(String... pairs) {
        Map<String, String> env = stack.env();
        env.put(MediaConfig.PUBLIC_URL_PREFIXES, CDN);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return stack.config(env);
    }

    /** A row holding {@code value} in accounts_profile.avatar; returns its id. */
    private static int row(String value) {
        int id = nextId++;
        stack.sql("INSERT INTO accounts_profile (id, avatar) VALUES (" + id + ", '" + value + "')");
        return id;
    }

    private static ImageResult process(MediaConfig config, int id, String column, String value) {
        return stack.processor(config, stack.store())
                .process(ImageTask.of("accounts_profile", Integer.toString(id), column, value, "run-rules"));
    }

    @Test
    void process_should_rejectTooLarge_when_headSaysTheObjectIsOverTheLimit() {
        stack.upload("large/a.jpg", jpeg.path(), "image/jpeg");
        int id = row("large/a.jpg");

        ImageResult r = process(config(MediaConfig.MAX_INPUT_BYTES, "1000"), id, "avatar", "large/a.jpg");

        assertThat(r.outcome().toString()).isEqualTo("rejected:too-large");
        assertThat(r.bytesIn()).isEqualTo(jpeg.bytes());
        assertThat(stack.keys("large/")).containsExactly("large/a.jpg");
    }

    @Test
    void process_should_appendWebp_when_theTargetModeIsAppend() {
        stack.upload("append/a.jpg", jpeg.path(), "image/jpeg");
        int id = row("append/a.jpg");

        ImageResult r = process(config(MediaConfig.TARGET_KEY, "append"), id, "avatar", "append/a.jpg");

        assertThat(r.outcome().toString()).isEqualTo("converted");
        assertThat(stack.value("accounts_profile", "avatar", id)).isEqualTo("append/a.jpg.webp");
    }

    @Test
    void process_should_fallBackToTheAppendedKey_when_aWebpNotMadeByRestowHoldsTheTarget() {
        stack.upload("theirs/a.jpg", jpeg.path(), "image/jpeg");
        stack.s3.putObject(b -> b.bucket(stack.bucket).key("theirs/a.webp").contentType("image/webp"),
                RequestBody.fromString("someone else's file"));
        int id = row("theirs/a.jpg");

        ImageResult r = process(config(), id, "avatar", "theirs/a.jpg");

        assertThat(r.outcome().toString()).isEqualTo("converted");
        assertThat(stack.value("accounts_profile", "avatar", id)).isEqualTo("theirs/a.jpg.webp");
        assertThat(stack.s3.getObjectAsBytes(b -> b.bucket(stack.bucket).key("theirs/a.webp")).asUtf8String())
                .isEqualTo("someone else's file");
    }

    @Test
    void process_should_replaceAStaleWebp_when_itWasMadeFromAnOlderVersionOfTheSameSource() {
        stack.upload("stale/a.jpg", jpeg.path(), "image/jpeg");
        stack.s3.putObject(b -> b.bucket(stack.bucket).key("stale/a.webp").contentType("image/webp")
                        .metadata(Map.of(TargetKeys.SOURCE_KEY, "stale/a.jpg", TargetKeys.SOURCE_ETAG, "0ld")),
                RequestBody.fromString("made from the old a.jpg"));
        int id = row("stale/a.jpg");

        ImageResult r = process(config(), id, "avatar", "stale/a.jpg");

        String etag = stack.s3.headObject(b -> b.bucket(stack.bucket).key("stale/a.jpg")).eTag().replace("\"", "");
        assertThat(r.outcome().toString()).isEqualTo("converted");
        assertThat(stack.value("accounts_profile", "avatar", id)).isEqualTo("stale/a.webp");
        assertThat(stack.s3.headObject(b -> b.bucket(stack.bucket).key("stale/a.webp")).metadata())
                .containsEntry(TargetKeys.SOURCE_ETAG, etag);
    }

    @Test
    void process_should_notCopyTheAcl_when_copyAclIsOff() {
        stack.s3.putObject(b -> b.bucket(stack.bucket).key("acl/a.jpg").contentType("image/jpeg")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromFile(jpeg.path()));
        int id = row("acl/a.jpg");

        process(config(MediaConfig.COPY_ACL, "false"), id, "avatar", "acl/a.jpg");

        assertThat(stack.s3.getObjectAcl(b -> b.bucket(stack.bucket).key("acl/a.webp")).grants())
                .noneSatisfy(g -> assertThat(g.grantee().uri()).isEqualTo(dev.restow.media.Grant.ALL_USERS));
    }

    @Test
    void process_should_deleteTheOriginal_when_deletionIsOnAndNothingElseRefersToIt() {
        stack.upload("delete/a.jpg", jpeg.path(), "image/jpeg");
        int id = row("delete/a.jpg");

        ImageResult r = process(config(MediaConfig.DELETE_ORIGINALS, "true"), id, "avatar", "delete/a.jpg");

        assertThat(r.originalDeleted()).isTrue();
        assertThat(stack.keys("delete/")).containsExactly("delete/a.webp");
    }

    @Test
    void process_should_keepTheOriginal_when_anotherColumnStillRefersToIt() {
        stack.upload("shared/b.jpg", jpeg.path(), "image/jpeg");
        int id = nextId++;
        stack.sql("INSERT INTO accounts_profile (id, avatar, banner) VALUES (" + id + ", 'shared/b.jpg', '"
                + CDN + "shared/b.jpg')");
        MediaConfig deleting = config(MediaConfig.DELETE_ORIGINALS, "true");

        ImageResult first = process(deleting, id, "avatar", "shared/b.jpg");
        assertThat(first.originalDeleted()).isFalse();
        assertThat(stack.keys("shared/")).containsExactly("shared/b.jpg", "shared/b.webp");

        ImageResult second = process(deleting, id, "banner", CDN + "shared/b.jpg");
        assertThat(second.outcome().toString()).isEqualTo("converted");
        assertThat(stack.value("accounts_profile", "banner", id)).isEqualTo(CDN + "shared/b.webp");
        assertThat(second.originalDeleted()).isTrue();
        assertThat(stack.keys("shared/")).containsExactly("shared/b.webp");
    }

    @Test
    void process_should_rejectAnUnknownSource_when_theMessageNamesATableNotConfigured() {
        ImageResult r = stack.processor(config(), stack.store())
                .process(ImageTask.of("pg_authid", "1", "rolpassword", "x.jpg", "run"));

        assertThat(r.outcome().toString()).isEqualTo("rejected:unknown-source");
    }
}
