package dev.restow.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.aws.support.Stack;
import dev.restow.media.Encryption;
import dev.restow.media.Grant;
import dev.restow.media.ObjectAcl;
import dev.restow.media.ObjectHeaders;
import dev.restow.media.ObjectInfo;
import dev.restow.media.StoreException;
import dev.restow.media.WriteCondition;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The S3 adapter against S3Proxy: headers round trip, conditional writes, error kinds. */
class S3ObjectStoreTest {
    private static Stack stack;
    private static S3ObjectStore store;

    @BeforeAll
    static void setUp() {
        stack = Stack.create("s3store");
        store = new S3ObjectStore(stack.s3, stack.bucket);
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static S3Client client(URI endpoint, String secret) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        stack.s3Server.accessKey(), secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void head_should_returnHeadersAndMetadata_when_putWithThem() throws Exception {
        ObjectHeaders h = ObjectHeaders.of("image/webp").withCacheControl("max-age=60")
                .withContentDisposition("attachment; filename=\"a.webp\"").withMetadata("restow-source-key", "a.jpg");

        String etag = store.put("head/a.webp", bytes("webp!"), h, WriteCondition.none());
        ObjectInfo info = store.head("head/a.webp");

        assertThat(info.eTag()).isEqualTo(etag);
        assertThat(info.size()).isEqualTo(5);
        assertThat(info.headers().contentType()).isEqualTo("image/webp");
        assertThat(info.headers().cacheControl()).isEqualTo("max-age=60");
        assertThat(info.headers().contentDisposition()).isEqualTo("attachment; filename=\"a.webp\"");
        assertThat(info.metadata("restow-source-key")).isEqualTo("a.jpg");
    }

    @Test
    void head_should_throwNotFound_when_theKeyIsMissing() {
        StoreException e = assertThrows(StoreException.class, () -> store.head("missing/none.jpg"));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND);
    }

    @Test
    void put_should_throwPreconditionFailed_when_ifAbsentAndTheKeyExists() throws Exception {
        store.put("cond/a.webp", bytes("one"), ObjectHeaders.of("image/webp"), WriteCondition.ifAbsent());

        StoreException e = assertThrows(StoreException.class, () -> store.put("cond/a.webp", bytes("two"),
                ObjectHeaders.of("image/webp"), WriteCondition.ifAbsent()));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.PRECONDITION_FAILED);
        assertThat(store.get("cond/a.webp", "")).isEqualTo(bytes("one"));
    }

    @Test
    void put_should_replace_when_ifMatchHoldsTheCurrentEtag() throws Exception {
        String etag = store.put("match/a.webp", bytes("one"), ObjectHeaders.of("image/webp"), WriteCondition.none());

        store.put("match/a.webp", bytes("two"), ObjectHeaders.of("image/webp"), WriteCondition.ifMatch(etag));

        assertThat(store.get("match/a.webp", "")).isEqualTo(bytes("two"));
    }

    @Test
    void get_should_throwPreconditionFailed_when_theObjectChangedSinceHead() throws Exception {
        String old = store.put("changed/a.jpg", bytes("one"), ObjectHeaders.of("image/jpeg"), WriteCondition.none());
        store.put("changed/a.jpg", bytes("two"), ObjectHeaders.of("image/jpeg"), WriteCondition.none());

        StoreException e = assertThrows(StoreException.class, () -> store.get("changed/a.jpg", old));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.PRECONDITION_FAILED);
    }

    @Test
    void head_should_throwTransient_when_theStoreIsUnreachable() {
        S3ObjectStore down = new S3ObjectStore(client(URI.create("http://127.0.0.1:" + Stack.closedPort()),
                stack.s3Server.secretKey()), stack.bucket);

        StoreException e = assertThrows(StoreException.class, () -> down.head("a.jpg"));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.TRANSIENT);
    }

    @Test
    void head_should_throwPermanent_when_theSignatureIsWrong() throws Exception {
        store.put("signed/a.jpg", bytes("x"), ObjectHeaders.of("image/jpeg"), WriteCondition.none());
        S3ObjectStore wrong = new S3ObjectStore(client(stack.s3Server.endpoint(), "wrong-secret"), stack.bucket);

        StoreException e = assertThrows(StoreException.class, () -> wrong.get("signed/a.jpg", ""));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.PERMANENT);
    }

    @Test
    void tags_should_readAsNone_when_theStoreHasNoTagging() throws Exception {
        store.put("tags/a.jpg", bytes("x"), ObjectHeaders.of("image/jpeg"), WriteCondition.none());

        assertThat(store.tags("tags/a.jpg")).isEmpty();
    }

    @Test
    void acl_should_roundTripPublicRead_when_putWithAllUsersRead() throws Exception {
        ObjectAcl publicRead = new ObjectAcl("owner", List.of(Grant.user("owner", "FULL_CONTROL"),
                Grant.group(Grant.ALL_USERS, "READ")));

        store.put("acl/a.webp", bytes("x"), ObjectHeaders.of("image/webp").withAcl(publicRead), WriteCondition.none());

        assertThat(store.acl("acl/a.webp").isPublicRead()).isTrue();
    }

    @Test
    void delete_should_succeed_when_theKeyIsMissing() throws Exception {
        store.delete("never/was.jpg");

        assertThat(stack.keys("never/")).isEmpty();
    }

    @Test
    void putRequest_should_carryTagsEncryptionAndGrants_when_theOriginalHadThem() {
        ObjectAcl acl = new ObjectAcl("me", List.of(Grant.user("me", "FULL_CONTROL"), Grant.user("partner", "READ"),
                Grant.group(Grant.AUTHENTICATED_USERS, "READ")));
        ObjectHeaders h = ObjectHeaders.of("image/webp").withTags(Map.of("team", "media"))
                .withEncryption(new Encryption("aws:kms", "arn:aws:kms:eu-west-1:1:key/k", true)).withAcl(acl)
                .withStorageClass("STANDARD_IA");

        PutObjectRequest r = S3ObjectStore.putRequest("b", "k.webp", h, WriteCondition.ifAbsent());

        assertThat(r.tagging()).isEqualTo("team=media");
        assertThat(r.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(r.ssekmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:1:key/k");
        assertThat(r.bucketKeyEnabled()).isTrue();
        assertThat(r.grantFullControl()).isEqualTo("id=\"me\"");
        assertThat(r.grantRead()).isEqualTo("id=\"partner\", uri=\"" + Grant.AUTHENTICATED_USERS + "\"");
        assertThat(r.storageClassAsString()).isEqualTo("STANDARD_IA");
        assertThat(r.ifNoneMatch()).isEqualTo("*");
        assertThat(r.acl()).isNull();
    }

    @Test
    void putRequest_should_sendNoAcl_when_onlyTheOwnerHasGrants() {
        ObjectHeaders h = ObjectHeaders.of("image/webp")
                .withAcl(new ObjectAcl("me", List.of(Grant.user("me", "FULL_CONTROL"))));

        PutObjectRequest r = S3ObjectStore.putRequest("b", "k.webp", h, WriteCondition.none());

        assertThat(r.acl()).isNull();
        assertThat(r.grantFullControl()).isNull();
        assertThat(r.ifNoneMatch()).isNull();
    }
}
