package dev.restow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.media.Sources;
import dev.restow.media.TargetKeyMode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaConfigTest {

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://app:s3cret@db.internal:6543/media");
        env.put("AWS_STORAGE_BUCKET_NAME", "media-bucket");
        return env;
    }

    private static MediaConfig load(Map<String, String> env) {
        return MediaConfig.load(Env.of(env));
    }

    private static String error(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).getMessage();
    }

    @Test
    void load_should_applyTheOriginalToolsDefaults_when_onlyDatabaseAndBucketAreSet() {
        MediaConfig c = load(base());

        assertThat(c.sources()).isEqualTo(Sources.DEFAULTS);
        assertThat(c.targetKeyMode()).isEqualTo(TargetKeyMode.REPLACE_EXTENSION);
        assertThat(c.codec().quality()).isEqualTo(80);
        assertThat(c.codec().method()).isEqualTo(6);
        assertThat(c.maxInputBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.deleteOriginals()).isFalse();
        assertThat(c.ledgerTable().name()).isEqualTo("restow_ledger");
        assertThat(c.leaseTable().name()).isEqualTo("restow_lease");
        assertThat(c.pageSize()).isEqualTo(500);
        assertThat(c.storage().region()).isEqualTo("us-east-1");
        assertThat(c.db().poolSize()).isEqualTo(2);
        assertThat(c.hasStaticKeys()).isFalse();
    }

    @Test
    void load_should_readTheDatabaseUrl_when_itIsALibpqUrl() {
        MediaConfig c = load(base());

        assertThat(c.db().host()).isEqualTo("db.internal");
        assertThat(c.db().port()).isEqualTo(6543);
        assertThat(c.db().database()).isEqualTo("media");
        assertThat(c.db().user()).isEqualTo("app");
        assertThat(c.db().password().reveal()).isEqualTo("s3cret");
    }

    @Test
    void load_should_applyPoolSizeAndTimeouts_when_set() {
        Map<String, String> env = base();
        env.put("DB_POOL_SIZE", "4");
        env.put("DB_CONNECT_TIMEOUT_MS", "1500");
        env.put("DB_STATEMENT_TIMEOUT_MS", "9000");

        MediaConfig c = load(env);

        assertThat(c.db().poolSize()).isEqualTo(4);
        assertThat(c.db().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.dbStatementTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void load_should_failNamingTheBucket_when_bucketIsMissing() {
        Map<String, String> env = base();
        env.remove("AWS_STORAGE_BUCKET_NAME");

        assertEquals("AWS_STORAGE_BUCKET_NAME: is required but not set", error(env));
    }

    @Test
    void load_should_failNamingTheBucket_when_bucketNameIsInvalid() {
        Map<String, String> env = base();
        env.put("AWS_STORAGE_BUCKET_NAME", "Media_Bucket");

        assertEquals("AWS_STORAGE_BUCKET_NAME: 'Media_Bucket' is not a valid bucket name", error(env));
    }

    @Test
    void load_should_failNamingDatabaseUrl_when_neitherUrlNorSecretIsSet() {
        Map<String, String> env = base();
        env.remove("DATABASE_URL");

        assertEquals("DATABASE_URL: is required but not set", error(env));
    }

    @Test
    void load_should_leaveTheAddressToTheSecret_when_onlyASecretArnIsSet() {
        Map<String, String> env = base();
        env.remove("DATABASE_URL");
        env.put("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf");
        env.put("DB_POOL_SIZE", "3");

        MediaConfig c = load(env);

        assertThat(c.db()).isNull();
        assertThat(c.dbSecretArn()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf");
        assertThat(c.dbSettings("h", 5432, "d", "u", Secret.of("p")).poolSize()).isEqualTo(3);
    }

    @Test
    void load_should_failNamingTheVariable_when_qualityIsOutOfRange() {
        Map<String, String> env = base();
        env.put("WEBP_QUALITY", "101");

        assertEquals("WEBP_QUALITY: 101 is out of range 0..100", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_methodIsNotANumber() {
        Map<String, String> env = base();
        env.put("WEBP_METHOD", "fast");

        assertEquals("WEBP_METHOD: 'fast' is not a whole number", error(env));
    }

    @Test
    void load_should_failListingTheModes_when_targetKeyModeIsUnknown() {
        Map<String, String> env = base();
        env.put("RESTOW_TARGET_KEY", "overwrite");

        assertEquals("RESTOW_TARGET_KEY: 'overwrite' is not one of replace-extension, append", error(env));
    }

    @Test
    void load_should_acceptAppend_when_targetKeyModeIsAppend() {
        Map<String, String> env = base();
        env.put("RESTOW_TARGET_KEY", "append");

        assertThat(load(env).targetKeyMode()).isEqualTo(TargetKeyMode.APPEND);
    }

    @Test
    void load_should_failNamingTheVariable_when_ledgerTableIsNotAnIdentifier() {
        Map<String, String> env = base();
        env.put("RESTOW_LEDGER_TABLE", "ledger; drop table x");

        assertEquals("RESTOW_LEDGER_TABLE: 'ledger; drop table x' is not a valid SQL identifier (letters, digits "
                + "and _, starting with a letter or _, at most 63 characters, optional schema.)", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_deleteOriginalsIsNotABoolean() {
        Map<String, String> env = base();
        env.put("RESTOW_DELETE_ORIGINALS", "maybe");

        assertEquals("RESTOW_DELETE_ORIGINALS: 'maybe' is not a boolean (true/false)", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_s3EndpointIsNotHttp() {
        Map<String, String> env = base();
        env.put("AWS_S3_ENDPOINT_URL", "ftp://files.example.com");

        assertEquals("AWS_S3_ENDPOINT_URL: 'ftp://files.example.com' must be an http(s) URL with a host", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_sqsEndpointHasNoHost() {
        Map<String, String> env = base();
        env.put("RESTOW_SQS_ENDPOINT_URL", "http:///queue");

        assertEquals("RESTOW_SQS_ENDPOINT_URL: 'http:///queue' must be an http(s) URL with a host", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_pageSizeIsTooSmall() {
        Map<String, String> env = base();
        env.put("RESTOW_PAGE_SIZE", "5");

        assertEquals("RESTOW_PAGE_SIZE: 5 is out of range 10..10000", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_leaseTtlIsTooShort() {
        Map<String, String> env = base();
        env.put("RESTOW_LEASE_TTL_SECONDS", "10");

        assertEquals("RESTOW_LEASE_TTL_SECONDS: 10 is out of range 30..86400", error(env));
    }

    @Test
    void load_should_failNamingTheVariable_when_publicPrefixIsNotAUrl() {
        Map<String, String> env = base();
        env.put("RESTOW_PUBLIC_URL_PREFIXES", "https://cdn.example.com/media/, ftp://old.example.com/");

        assertEquals("RESTOW_PUBLIC_URL_PREFIXES: public URL prefix 'ftp://old.example.com/' must be an http(s) URL "
                + "with a host", error(env));
    }

    @Test
    void load_should_readEndpointsAndPrefixes_when_set() {
        Map<String, String> env = base();
        env.put("AWS_S3_ENDPOINT_URL", "https://nyc3.digitaloceanspaces.com");
        env.put("RESTOW_SQS_ENDPOINT_URL", "http://127.0.0.1:9324");
        env.put("AWS_S3_CUSTOM_DOMAIN", "cdn.example.com");
        env.put("AWS_S3_REGION_NAME", "nyc3");

        MediaConfig c = load(env);

        assertThat(c.storage().endpoint()).isEqualTo(URI.create("https://nyc3.digitaloceanspaces.com"));
        assertThat(c.sqsEndpointOverride()).contains(URI.create("http://127.0.0.1:9324"));
        assertThat(c.storage().publicPrefixes()).containsExactly("https://cdn.example.com/");
        assertThat(c.storage().region()).isEqualTo("nyc3");
    }

    @Test
    void load_should_useStaticKeys_when_bothKeysAreSet() {
        Map<String, String> env = base();
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG");

        assertThat(load(env).hasStaticKeys()).isTrue();
    }

    @Test
    void toString_should_maskSecrets_when_keysAndPasswordAreSet() {
        Map<String, String> env = base();
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG");

        String text = load(env).toString();

        assertThat(text).doesNotContain("s3cret").doesNotContain("AKIAEXAMPLE").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void requireQueueUrl_should_failNamingTheVariable_when_queueUrlIsMissing() {
        MediaConfig c = load(base());

        assertEquals("RESTOW_QUEUE_URL: is required but not set",
                assertThrows(ConfigException.class, c::requireQueueUrl).getMessage());
    }

    @Test
    void variables_should_listEveryVariableName_when_read() throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (Field f : MediaConfig.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && Modifier.isPublic(f.getModifiers())) {
                declared.add((String) f.get(null));
            }
        }

        assertThat(MediaConfig.VARIABLES).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void source_should_findAConfiguredSource_when_askedByTableName() {
        MediaConfig c = load(base());

        assertThat(c.source("post_postmedia")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("post_postmedia"));
        assertThat(c.source("nope")).isEmpty();
    }
}
