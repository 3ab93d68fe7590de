package dev.restow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.outcome.Outcome;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferenceParserTest {

    private static final ReferenceParser AWS = new ReferenceParser(
            new StorageLocation("media-bucket", "eu-west-1", null, List.of("https://cdn.example.com/media/")));
    private static final ReferenceParser SPACES = new ReferenceParser(
            new StorageLocation("media-bucket", "nyc3", URI.create("https://nyc3.digitaloceanspaces.com"), List.of()));
    private static final ReferenceParser MINIO = new ReferenceParser(
            new StorageLocation("media-bucket", "us-east-1", URI.create("http://127.0.0.1:9000"), List.of()));

    private static ObjectRef parse(ReferenceParser parser, String value) throws ReferenceException {
        return parser.parse(value).orElseThrow();
    }

    @Nested
    class BareKey {
        @Test
        void parse_should_readKeyRelativeToBucket_when_valueHasNoScheme() throws Exception {
            ObjectRef ref = parse(AWS, "avatars/u1/photo.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.BARE_KEY);
            assertThat(ref.bucket()).isEqualTo("media-bucket");
            assertThat(ref.key()).isEqualTo("avatars/u1/photo.jpg");
        }

        @Test
        void withKey_should_writeBareKey_when_originalWasBareKey() throws Exception {
            assertThat(parse(AWS, "avatars/u1/photo.jpg").withKey("avatars/u1/photo.webp"))
                    .isEqualTo("avatars/u1/photo.webp");
        }

        @Test
        void withKey_should_keepSpacesLiteral_when_bareKeyHasSpaces() throws Exception {
            assertThat(parse(AWS, "avatars/my photo.jpg").withKey("avatars/my photo.webp"))
                    .isEqualTo("avatars/my photo.webp");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_bareKeyStartsWithSlash() {
            ReferenceException e = assertThrows(ReferenceException.class, () -> AWS.parse("/avatars/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("bad-url"));
            assertThat(e.getMessage()).isEqualTo("bare key '/avatars/a.jpg' must not start with '/'");
        }
    }

    @Nested
    class Empty {
        @Test
        void parse_should_returnEmpty_when_valueIsNull() throws Exception {
            assertThat(AWS.parse(null)).isEmpty();
        }

        @Test
        void parse_should_returnEmpty_when_valueIsBlank() throws Exception {
            assertThat(AWS.parse("  ")).isEmpty();
        }

        @Test
        void parse_should_rejectAsBadUrl_when_valueHasSurroundingWhitespace() {
            ReferenceException e = assertThrows(ReferenceException.class, () -> AWS.parse(" a.jpg"));
            assertThat(e.getMessage()).isEqualTo("' a.jpg' has leading or trailing white space");
        }
    }

    @Nested
    class VirtualHosted {
        @Test
        void parse_should_readBucketFromHost_when_globalEndpoint() throws Exception {
            ObjectRef ref = parse(AWS, "https://media-bucket.s3.amazonaws.com/avatars/a.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.VIRTUAL_HOSTED);
            assertThat(ref.key()).isEqualTo("avatars/a.jpg");
        }

        @Test
        void parse_should_readBucketFromHost_when_regionalEndpoint() throws Exception {
            assertThat(parse(AWS, "https://media-bucket.s3.eu-west-1.amazonaws.com/a/b.png").key()).isEqualTo("a/b.png");
        }

        @Test
        void parse_should_readBucketFromHost_when_legacyDashRegion() throws Exception {
            assertThat(parse(AWS, "https://media-bucket.s3-eu-west-1.amazonaws.com/a/b.png").key()).isEqualTo("a/b.png");
        }

        @Test
        void parse_should_readBucketFromHost_when_dualStack() throws Exception {
            assertThat(parse(AWS, "https://media-bucket.s3.dualstack.eu-west-1.amazonaws.com/a.png").key())
                    .isEqualTo("a.png");
        }

        @Test
        void withKey_should_keepHostAndScheme_when_virtualHosted() throws Exception {
            assertThat(parse(AWS, "http://media-bucket.s3.eu-west-1.amazonaws.com/a/b.png").withKey("a/b.webp"))
                    .isEqualTo("http://media-bucket.s3.eu-west-1.amazonaws.com/a/b.webp");
        }

        @Test
        void parse_should_rejectForeignBucket_when_hostNamesAnotherBucket() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://other-bucket.s3.amazonaws.com/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("foreign-bucket"));
            assertThat(e.getMessage()).isEqualTo("'https://other-bucket.s3.amazonaws.com/a.jpg' is in bucket"
                    + " 'other-bucket', not the configured bucket 'media-bucket'");
        }
    }

    @Nested
    class PathStyle {
        @Test
        void parse_should_readBucketFromPath_when_globalEndpoint() throws Exception {
            ObjectRef ref = parse(AWS, "https://s3.amazonaws.com/media-bucket/events/cover.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.PATH_STYLE);
            assertThat(ref.key()).isEqualTo("events/cover.jpg");
        }

        @Test
        void parse_should_readBucketFromPath_when_regionalEndpoint() throws Exception {
            assertThat(parse(AWS, "https://s3.eu-west-1.amazonaws.com/media-bucket/e/c.jpg").key()).isEqualTo("e/c.jpg");
        }

        @Test
        void withKey_should_keepBucketInPath_when_pathStyle() throws Exception {
            assertThat(parse(AWS, "https://s3.amazonaws.com/media-bucket/events/cover.jpg").withKey("events/cover.webp"))
                    .isEqualTo("https://s3.amazonaws.com/media-bucket/events/cover.webp");
        }

        @Test
        void parse_should_rejectForeignBucket_when_pathNamesAnotherBucket() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://s3.amazonaws.com/other/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("foreign-bucket"));
            assertThat(e.getMessage()).isEqualTo(
                    "'https://s3.amazonaws.com/other/a.jpg' is in bucket 'other', not the configured bucket 'media-bucket'");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_pathHasBucketButNoKey() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://s3.amazonaws.com/media-bucket/"));
            assertThat(e.getMessage()).isEqualTo("'https://s3.amazonaws.com/media-bucket/' names a bucket but no key");
        }
    }

    @Nested
    class S3Uri {
        @Test
        void parse_should_readBucketAndKey_when_s3Scheme() throws Exception {
            ObjectRef ref = parse(AWS, "s3://media-bucket/posts/p1.png");
            assertThat(ref.form()).isEqualTo(ReferenceForm.S3_URI);
            assertThat(ref.key()).isEqualTo("posts/p1.png");
            assertThat(ref.withKey("posts/p1.webp")).isEqualTo("s3://media-bucket/posts/p1.webp");
        }
    }

    @Nested
    class CustomEndpoint {
        @Test
        void parse_should_readBucketFromPath_when_urlIsOnEndpointHost() throws Exception {
            ObjectRef ref = parse(MINIO, "http://127.0.0.1:9000/media-bucket/a/b.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.ENDPOINT_PATH);
            assertThat(ref.key()).isEqualTo("a/b.jpg");
            assertThat(ref.withKey("a/b.webp")).isEqualTo("http://127.0.0.1:9000/media-bucket/a/b.webp");
        }

        @Test
        void parse_should_readBucketFromHost_when_urlIsOnBucketSubdomainOfEndpoint() throws Exception {
            ObjectRef ref = parse(SPACES, "https://media-bucket.nyc3.digitaloceanspaces.com/a/b.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.ENDPOINT_HOST);
            assertThat(ref.withKey("a/b.webp")).isEqualTo("https://media-bucket.nyc3.digitaloceanspaces.com/a/b.webp");
        }

        @Test
        void parse_should_rejectForeignBucket_when_endpointPortDiffers() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> MINIO.parse("http://127.0.0.1:9001/media-bucket/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("foreign-bucket"));
            assertThat(e.getMessage()).isEqualTo(
                    "URL host '127.0.0.1' is neither S3, the configured endpoint nor a configured public URL prefix");
        }

        @Test
        void parse_should_rejectForeignBucket_when_subdomainNamesAnotherBucket() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> SPACES.parse("https://other.nyc3.digitaloceanspaces.com/a.jpg"));
            assertThat(e.getMessage()).isEqualTo("'https://other.nyc3.digitaloceanspaces.com/a.jpg' is in bucket"
                    + " 'other', not the configured bucket 'media-bucket'");
        }
    }

    @Nested
    class PublicPrefix {
        @Test
        void parse_should_readKeyAfterPrefix_when_urlIsUnderCdnPrefix() throws Exception {
            ObjectRef ref = parse(AWS, "https://cdn.example.com/media/avatars/a.jpg");
            assertThat(ref.form()).isEqualTo(ReferenceForm.PUBLIC_PREFIX);
            assertThat(ref.key()).isEqualTo("avatars/a.jpg");
            assertThat(ref.withKey("avatars/a.webp")).isEqualTo("https://cdn.example.com/media/avatars/a.webp");
        }

        @Test
        void parse_should_matchHostCaseInsensitively_when_prefixHostDiffersInCase() throws Exception {
            assertThat(parse(AWS, "https://CDN.example.com/media/a.jpg").withKey("a.webp"))
                    .isEqualTo("https://CDN.example.com/media/a.webp");
        }

        @Test
        void parse_should_rejectForeignBucket_when_pathIsOutsidePrefix() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://cdn.example.com/static/a.jpg"));
            assertThat(e.getMessage()).isEqualTo(
                    "URL host 'cdn.example.com' is neither S3, the configured endpoint nor a configured public URL prefix");
        }

        @Test
        void storageLocation_should_acceptBareHost_when_prefixIsDjangoCustomDomain() throws Exception {
            ReferenceParser p = new ReferenceParser(
                    new StorageLocation("media-bucket", null, null, List.of("d111.cloudfront.net")));
            assertThat(p.parse("https://d111.cloudfront.net/a/b.jpg").orElseThrow().key()).isEqualTo("a/b.jpg");
        }
    }

    @Nested
    class Encoding {
        @Test
        void parse_should_decodePercentEscapes_when_urlKeyIsEncoded() throws Exception {
            ObjectRef ref = parse(AWS, "https://media-bucket.s3.amazonaws.com/a/my%20photo%C3%A9.jpg");
            assertThat(ref.key()).isEqualTo("a/my photoé.jpg");
        }

        @Test
        void withKey_should_encodeLikeOriginal_when_urlKeyWasEncoded() throws Exception {
            ObjectRef ref = parse(AWS, "https://media-bucket.s3.amazonaws.com/a/my%20photo%C3%A9.jpg");
            assertThat(ref.withKey("a/my photoé.webp"))
                    .isEqualTo("https://media-bucket.s3.amazonaws.com/a/my%20photo%C3%A9.webp");
        }

        @Test
        void parse_should_keepPlusLiteral_when_keyHasPlus() throws Exception {
            assertThat(parse(AWS, "https://media-bucket.s3.amazonaws.com/a+b.jpg").key()).isEqualTo("a+b.jpg");
        }

        @Test
        void withKey_should_keepQueryString_when_urlHadOne() throws Exception {
            assertThat(parse(AWS, "https://cdn.example.com/media/a.jpg?v=3").withKey("a.webp"))
                    .isEqualTo("https://cdn.example.com/media/a.webp?v=3");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_urlIsPresigned() {
            ReferenceException e = assertThrows(ReferenceException.class, () -> AWS.parse(
                    "https://media-bucket.s3.amazonaws.com/a.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("bad-url"));
            assertThat(e.getMessage()).isEqualTo("'https://media-bucket.s3.amazonaws.com/a.jpg?...' is a presigned URL:"
                    + " its signature would not fit the new key");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_percentEscapeIsMalformed() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://media-bucket.s3.amazonaws.com/a%2.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("bad-url"));
        }
    }

    @Nested
    class Refusals {
        @Test
        void parse_should_rejectForeignBucket_when_hostIsUnknown() {
            ReferenceException e = assertThrows(ReferenceException.class,
                    () -> AWS.parse("https://evil.example.org/media-bucket/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("foreign-bucket"));
            assertThat(e.getMessage()).isEqualTo(
                    "URL host 'evil.example.org' is neither S3, the configured endpoint nor a configured public URL prefix");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_schemeIsUnsupported() {
            ReferenceException e = assertThrows(ReferenceException.class, () -> AWS.parse("ftp://host/a.jpg"));
            assertThat(e.getMessage()).isEqualTo("'ftp://host/a.jpg' has unsupported scheme 'ftp' (expected http, https or s3)");
        }

        @Test
        void parse_should_rejectAsBadUrl_when_urlIsMalformed() {
            ReferenceException e = assertThrows(ReferenceException.class, () -> AWS.parse("https://exa mple.com/a.jpg"));
            assertThat(e.outcome()).isEqualTo(Outcome.rejected("bad-url"));
            assertThat(e.getMessage()).startsWith("'https://exa mple.com/a.jpg' is not a valid URL");
        }
    }

    @Test
    void extension_should_returnLowerCaseExtension_when_keyHasOne() throws Exception {
        assertThat(parse(AWS, "a.b/c.JPG").extension()).isEqualTo("jpg");
        assertThat(parse(AWS, "a.b/c").extension()).isEmpty();
    }
}
