package dev.restow.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Connects with the SDK v2 S3 client and pins what S3Proxy does with the features the media code relies on
 * (summarised in local/README.md).
 */
class LocalS3Test {

    private static final String BUCKET = "local-s3-test";
    private static final AtomicInteger KEYS = new AtomicInteger();

    private static LocalS3 s3;
    private static S3Client client;

    @BeforeAll
    static void start() {
        s3 = LocalS3.shared();
        s3.createBucket(BUCKET);
        client = S3Clients.client(s3);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static String newKey() {
        return "img/" + KEYS.incrementAndGet() + ".jpg";
    }

    private static String put(String key, String body) {
        return client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body)).eTag();
    }

    private static String get(String key) {
        return client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    }

    private static HeadObjectResponse putWithHeadersThenHead(String key) {
        client.putObject(b -> b.bucket(BUCKET).key(key).contentType("image/webp").cacheControl("max-age=31536000")
                .contentDisposition("inline; filename=\"a.webp\"").metadata(Map.of("restow-source", "a.jpg")),
                RequestBody.fromString("webp"));
        return client.headObject(b -> b.bucket(BUCKET).key(key));
    }

    @Test
    void endpoint_should_beLoopbackWithThePort_when_started() {
        assertThat(s3.endpoint().toString()).isEqualTo("http://127.0.0.1:" + s3.port());
    }

    @Test
    void createBucket_should_makeTheBucketVisibleToClients_when_called() {
        s3.createBucket("local-s3-test-visible");

        assertThat(client.listBuckets().buckets()).anyMatch(b -> b.name().equals("local-s3-test-visible"));
    }

    @Test
    void createBucket_should_rejectName_when_notDnsCompatible() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s3.createBucket("Bad_Name"));

        assertThat(e).hasMessage("bucket name must match [a-z0-9][a-z0-9.-]{1,61}[a-z0-9] but was 'Bad_Name'");
    }

    @Test
    void putObject_should_storeTheBody_when_sdkSendsDefaultCrc32Trailer() {
        String key = newKey();

        put(key, "hello");

        assertThat(get(key)).isEqualTo("hello");
    }

    @Test
    void putObject_should_storeTheBody_when_checksumsOnlyWhenRequired() {
        String key = newKey();
        try (S3Client plain = S3Clients.client(s3, RequestChecksumCalculation.WHEN_REQUIRED)) {
            plain.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("plain"));
        }

        assertThat(get(key)).isEqualTo("plain");
    }

    @Test
    void putObject_should_rejectTheBody_when_crc32DoesNotMatch() {
        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(BUCKET).key(newKey()).checksumCRC32("AAAAAA=="), RequestBody.fromString("x")));

        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void headObject_should_returnContentTypeCacheControlAndDisposition_when_setOnPut() {
        HeadObjectResponse head = putWithHeadersThenHead(newKey());

        assertThat(new String[] {head.contentType(), head.cacheControl(), head.contentDisposition()})
                .containsExactly("image/webp", "max-age=31536000", "inline; filename=\"a.webp\"");
    }

    @Test
    void headObject_should_returnUserMetadata_when_setOnPut() {
        HeadObjectResponse head = putWithHeadersThenHead(newKey());

        assertThat(head.metadata()).containsExactly(Map.entry("restow-source", "a.jpg"));
    }

    @Test
    void getObject_should_returnContentTypeCacheControlDispositionAndMetadata_when_setOnPut() {
        String key = newKey();
        putWithHeadersThenHead(key);

        GetObjectResponse get = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).response();

        assertThat(new Object[] {get.contentType(), get.cacheControl(), get.contentDisposition(), get.metadata()})
                .containsExactly("image/webp", "max-age=31536000", "inline; filename=\"a.webp\"",
                        Map.of("restow-source", "a.jpg"));
    }

    @Test
    void headObject_should_lowerCaseMetadataKeys_when_putWithMixedCase() {
        String key = newKey();
        client.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("Mixed-Case", "V")), RequestBody.fromString("x"));

        assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).metadata()).containsOnlyKeys("mixed-case");
    }

    @Test
    void getObject_should_keepMetadataKeyCase_when_putWithMixedCase() {
        String key = newKey();
        client.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("Mixed-Case", "V")), RequestBody.fromString("x"));

        assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).response().metadata())
                .containsOnlyKeys("Mixed-Case");
    }

    @Test
    void putObject_should_returnQuotedMd5ETag_when_singlePart() {
        String etag = put(newKey(), "hello");

        assertThat(etag).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    }

    @Test
    void headObject_should_returnThePutETag_when_objectUnchanged() {
        String key = newKey();
        String etag = put(key, "hello");

        assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).eTag()).isEqualTo(etag);
    }

    @Test
    void putObject_should_failNotImplemented_when_taggingHeaderSent() {
        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(BUCKET).key(newKey()).tagging("restow=converted"), RequestBody.fromString("x")));

        assertThat(S3Clients.statusAndCode(e)).isEqualTo("501 NotImplemented");
    }

    @Test
    void getObjectTagging_should_failNotImplemented_when_called() {
        String key = newKey();
        put(key, "x");

        S3Exception e = assertThrows(S3Exception.class,
                () -> client.getObjectTagging(b -> b.bucket(BUCKET).key(key)));

        assertThat(S3Clients.statusAndCode(e)).isEqualTo("501 NotImplemented");
    }

    @Test
    void headObject_should_reportAes256_when_noEncryptionRequested() {
        String key = newKey();
        put(key, "x");

        assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void putObject_should_echoKmsWithoutEncrypting_when_awsKmsRequested() {
        String key = newKey();

        ServerSideEncryption sse = client.putObject(b -> b.bucket(BUCKET).key(key)
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("alias/any"),
                RequestBody.fromString("x")).serverSideEncryption();

        assertThat(sse).isEqualTo(ServerSideEncryption.AWS_KMS);
    }

    @Test
    void getObjectAcl_should_grantAllUsersRead_when_putWithPublicRead() {
        String key = newKey();
        client.putObject(b -> b.bucket(BUCKET).key(key).acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));

        assertThat(client.getObjectAcl(b -> b.bucket(BUCKET).key(key)).grants())
                .extracting(Grant::permission).containsExactlyInAnyOrder(Permission.FULL_CONTROL, Permission.READ);
    }

    @Test
    void putObject_should_failNotImplemented_when_aclIsBucketOwnerFullControl() {
        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(b -> b.bucket(BUCKET).key(newKey())
                .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x")));

        assertThat(S3Clients.statusAndCode(e)).isEqualTo("501 NotImplemented");
    }

    @Test
    void putObject_should_create_when_ifNoneMatchStarAndKeyAbsent() {
        String key = newKey();

        S3Clients.conditionalPut(client, BUCKET, key, b -> b.ifNoneMatch("*"), "first");

        assertThat(get(key)).isEqualTo("first");
    }

    @Test
    void putObject_should_failPreconditionAndKeepTheObject_when_ifNoneMatchStarAndKeyExists() {
        String key = newKey();
        put(key, "first");

        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("second")));

        assertThat(S3Clients.statusAndCode(e) + " " + get(key)).isEqualTo("412 PreconditionFailed first");
    }

    @Test
    void putObject_should_replace_when_ifMatchEqualsTheETag() {
        String key = newKey();
        String etag = put(key, "first");

        S3Clients.conditionalPut(client, BUCKET, key, b -> b.ifMatch(etag), "second");

        assertThat(get(key)).isEqualTo("second");
    }

    @Test
    void putObject_should_failPrecondition_when_ifMatchDiffers() {
        String key = newKey();
        put(key, "first");

        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(BUCKET).key(key).ifMatch("\"00000000000000000000000000000000\""),
                RequestBody.fromString("second")));

        assertThat(S3Clients.statusAndCode(e) + " " + get(key)).isEqualTo("412 PreconditionFailed first");
    }

    @Test
    void putObject_should_failNoSuchKey_when_ifMatchAndKeyAbsent() {
        S3Exception e = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(BUCKET).key(newKey()).ifMatch("\"00000000000000000000000000000000\""),
                RequestBody.fromString("x")));

        assertThat(S3Clients.statusAndCode(e)).isEqualTo("404 NoSuchKey");
    }

    @Test
    void getObject_should_answerNotModified_when_ifNoneMatchEqualsTheETag() {
        String key = newKey();
        String etag = put(key, "x");

        S3Exception e = assertThrows(S3Exception.class,
                () -> client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).ifNoneMatch(etag)));

        assertThat(e.statusCode()).isEqualTo(304);
    }

    @Test
    void deleteObject_should_failPreconditionAndKeepTheObject_when_ifMatchDiffers() {
        String key = newKey();
        put(key, "kept");

        S3Exception e = assertThrows(S3Exception.class, () -> client.deleteObject(
                b -> b.bucket(BUCKET).key(key).ifMatch("\"00000000000000000000000000000000\"")));

        assertThat(S3Clients.statusAndCode(e) + " " + get(key)).isEqualTo("412 PreconditionFailed kept");
    }

    @Test
    void copyObject_should_replaceContentTypeAndMetadata_when_directiveIsReplace() {
        String source = newKey();
        String target = newKey();
        putWithHeadersThenHead(source);

        client.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(source).destinationBucket(BUCKET)
                .destinationKey(target).metadataDirective(MetadataDirective.REPLACE).contentType("image/png")
                .metadata(Map.of("n", "1")));

        HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key(target));
        assertThat(new Object[] {head.contentType(), head.metadata()}).containsExactly("image/png", Map.of("n", "1"));
    }

    @Test
    void getObject_should_returnTheBody_when_keyHasSpacesPlusPercentAndNonAscii() {
        String key = "dir/ünï cödé+plus%20.jpg";
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("odd"));

        assertThat(get(key)).isEqualTo("odd");
    }

    @Test
    void headObject_should_returnNoStoredChecksum_when_checksumModeEnabled() {
        String key = newKey();
        client.putObject(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromString("x"));

        HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));

        assertThat(new String[] {head.checksumSHA256(), head.checksumCRC32()}).containsOnlyNulls();
    }

    @Test
    void headObject_should_returnExpiresEncodingAndLanguage_when_setOnPut() {
        String key = newKey();
        client.putObject(b -> b.bucket(BUCKET).key(key).expires(Instant.parse("2030-01-01T00:00:00Z"))
                .contentEncoding("gzip").contentLanguage("en"), RequestBody.fromString("x"));

        HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key(key));

        assertThat(new Object[] {head.expires(), head.contentEncoding(), head.contentLanguage()})
                .containsExactly(Instant.parse("2030-01-01T00:00:00Z"), "gzip", "en");
    }

    @Test
    void listObjects_should_failSignatureMismatch_when_secretKeyIsWrong() {
        try (S3Client wrong = S3Clients.client(s3, RequestChecksumCalculation.WHEN_SUPPORTED, "wrong")) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrong.listObjectsV2(b -> b.bucket(BUCKET)));

            assertThat(S3Clients.statusAndCode(e)).isEqualTo("403 SignatureDoesNotMatch");
        }
    }

    @Test
    void startOnDisk_should_storeObjectsUnderItsDirectory_when_put() {
        try (LocalS3 disk = LocalS3.startOnDisk(); S3Client c = S3Clients.client(disk)) {
            disk.createBucket("disk-bucket");
            c.putObject(b -> b.bucket("disk-bucket").key("a/b.jpg"), RequestBody.fromString("on disk"));

            Path file = disk.directory().orElseThrow().resolve("disk-bucket/a/b.jpg");
            assertThat(file).hasContent("on disk");
        }
    }

    @Test
    void start_should_keepObjectsInTheGivenDirectory_when_closed(@TempDir Path dir) {
        try (LocalS3 disk = LocalS3.start(dir); S3Client c = S3Clients.client(disk)) {
            disk.createBucket("kept-bucket");
            c.putObject(b -> b.bucket("kept-bucket").key("k.txt"), RequestBody.fromString("kept"));
        }

        assertThat(dir.resolve("kept-bucket/k.txt")).hasContent("kept");
    }

    @Test
    void start_should_rejectDirectory_when_missing(@TempDir Path dir) {
        Path missing = dir.resolve("missing");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalS3.start(missing));

        assertThat(e).hasMessage("S3 storage directory does not exist: " + missing);
    }

    @Test
    void close_should_deleteTheDirectory_when_startedOnDisk() {
        Path dir;
        try (LocalS3 disk = LocalS3.startOnDisk()) {
            dir = disk.directory().orElseThrow();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void close_should_refuseConnections_when_privateServerClosed() {
        int port;
        try (LocalS3 own = LocalS3.start()) {
            port = own.port();
            assertThat(Ports.isListening(port)).isTrue();
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void shared_should_returnTheSameServer_when_calledTwice() {
        assertThat(LocalS3.shared()).isSameAs(s3);
    }
}
