package dev.restow.config;

import dev.restow.db.DbSettings;
import dev.restow.db.SqlIdentifier;
import dev.restow.image.CodecOptions;
import dev.restow.media.Source;
import dev.restow.media.Sources;
import dev.restow.media.TargetKeyMode;
import dev.restow.reference.StorageLocation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the media optimisation job reads from its environment, loaded once and validated
 * fail-fast. The original tool's variable names work as they were.
 *
 * <table>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>DATABASE_URL</td><td>(required unless DB_SECRET_ARN)</td><td>libpq URL postgresql://user:pass@host:5432/db</td></tr>
 * <tr><td>DB_SECRET_ARN</td><td></td><td>Secrets Manager secret with username/password (and host, port, dbname) — read by the AWS functions at start</td></tr>
 * <tr><td>DB_POOL_SIZE</td><td>2</td><td>connections per container</td></tr>
 * <tr><td>DB_CONNECT_TIMEOUT_MS</td><td>5000</td><td></td></tr>
 * <tr><td>DB_STATEMENT_TIMEOUT_MS</td><td>30000</td><td>enforced client-side, no SET</td></tr>
 * <tr><td>AWS_STORAGE_BUCKET_NAME</td><td>(required)</td><td>the bucket</td></tr>
 * <tr><td>AWS_S3_REGION_NAME / AWS_REGION</td><td>us-east-1</td><td></td></tr>
 * <tr><td>AWS_S3_ENDPOINT_URL</td><td></td><td>S3-compatible endpoint, path-style</td></tr>
 * <tr><td>AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY</td><td></td><td>static keys; else the default credential chain</td></tr>
 * <tr><td>AWS_S3_CUSTOM_DOMAIN, RESTOW_PUBLIC_URL_PREFIXES</td><td></td><td>CDN host / comma-separated URL prefixes</td></tr>
 * <tr><td>WEBP_QUALITY</td><td>80</td><td>0..100</td></tr>
 * <tr><td>WEBP_METHOD</td><td>6</td><td>0..6</td></tr>
 * <tr><td>RESTOW_MAX_PIXELS</td><td>50000000</td><td>refuse larger images from the header</td></tr>
 * <tr><td>RESTOW_MAX_INPUT_BYTES</td><td>52428800</td><td>refuse larger objects from HEAD</td></tr>
 * <tr><td>RESTOW_MIN_SAVINGS</td><td>0.05</td><td>keep the original unless the WebP is this much smaller</td></tr>
 * <tr><td>RESTOW_KEEP_METADATA</td><td>false</td><td>keep EXIF/XMP where the encoder can</td></tr>
 * <tr><td>RESTOW_SOURCES</td><td>the three default tables</td><td>JSON array of sources</td></tr>
 * <tr><td>RESTOW_TARGET_KEY</td><td>replace-extension</td><td>replace-extension or append</td></tr>
 * <tr><td>RESTOW_DELETE_ORIGINALS</td><td>false</td><td>delete originals after the row update committed</td></tr>
 * <tr><td>RESTOW_COPY_ACL</td><td>true</td><td>copy the original's ACL to the WebP</td></tr>
 * <tr><td>RESTOW_LEDGER_TABLE</td><td>restow_ledger</td><td>created if absent</td></tr>
 * <tr><td>RESTOW_LEASE_TABLE</td><td>restow_lease</td><td>created if absent</td></tr>
 * <tr><td>RESTOW_LEASE_TTL_SECONDS</td><td>900</td><td>a scheduled walk's lease</td></tr>
 * <tr><td>RESTOW_QUEUE_URL</td><td>(required by the fan-out)</td><td>work queue</td></tr>
 * <tr><td>RESTOW_CONTROL_QUEUE_URL</td><td></td><td>continuation queue</td></tr>
 * <tr><td>RESTOW_SQS_ENDPOINT_URL</td><td></td><td>SQS-compatible endpoint (ElasticMQ...); else the region's</td></tr>
 * <tr><td>RESTOW_PAGE_SIZE</td><td>500</td><td>keyset page size</td></tr>
 * <tr><td>RESTOW_FANOUT_RESERVE_MS</td><td>30000</td><td>the fan-out hands its cursor on when less time remains</td></tr>
 * <tr><td>RESTOW_IMAGE_RESERVE_MS</td><td>20000</td><td>the image function starts no message when less time remains</td></tr>
 * </table>
 *
 * <p>With only {@code DB_SECRET_ARN} set, {@link #db()} is {@code null} and the database's address comes from the
 * secret: build it with {@link #dbSettings(String, int, String, String, Secret)}.
 */
public record MediaConfig(DbSettings db, String dbSecretArn, int dbPoolSize, Duration dbConnectTimeout,
                          Duration dbStatementTimeout, StorageLocation storage, Secret accessKeyId,
                          Secret secretAccessKey, CodecOptions codec, long maxInputBytes, List<Source> sources,
                          TargetKeyMode targetKeyMode, boolean deleteOriginals, boolean copyAcl,
                          SqlIdentifier ledgerTable, SqlIdentifier leaseTable, Duration leaseTtl, String queueUrl,
                          String controlQueueUrl, URI sqsEndpoint, int pageSize, Duration fanOutReserve,
                          Duration imageReserve) {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DB_SECRET_ARN = "DB_SECRET_ARN";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String DB_CONNECT_TIMEOUT_MS = "DB_CONNECT_TIMEOUT_MS";
    public static final String DB_STATEMENT_TIMEOUT_MS = "DB_STATEMENT_TIMEOUT_MS";
    public static final String BUCKET = "AWS_STORAGE_BUCKET_NAME";
    public static final String S3_REGION = "AWS_S3_REGION_NAME";
    public static final String AWS_REGION = "AWS_REGION";
    public static final String S3_ENDPOINT = "AWS_S3_ENDPOINT_URL";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String CUSTOM_DOMAIN = "AWS_S3_CUSTOM_DOMAIN";
    public static final String PUBLIC_URL_PREFIXES = "RESTOW_PUBLIC_URL_PREFIXES";
    public static final String WEBP_QUALITY = "WEBP_QUALITY";
    public static final String WEBP_METHOD = "WEBP_METHOD";
    public static final String MAX_PIXELS = "RESTOW_MAX_PIXELS";
    public static final String MAX_INPUT_BYTES = "RESTOW_MAX_INPUT_BYTES";
    public static final String MIN_SAVINGS = "RESTOW_MIN_SAVINGS";
    public static final String KEEP_METADATA = "RESTOW_KEEP_METADATA";
    public static final String SOURCES = "RESTOW_SOURCES";
    public static final String TARGET_KEY = "RESTOW_TARGET_KEY";
    public static final String DELETE_ORIGINALS = "RESTOW_DELETE_ORIGINALS";
    public static final String COPY_ACL = "RESTOW_COPY_ACL";
    public static final String LEDGER_TABLE = "RESTOW_LEDGER_TABLE";
    public static final String LEASE_TABLE = "RESTOW_LEASE_TABLE";
    public static final String LEASE_TTL_SECONDS = "RESTOW_LEASE_TTL_SECONDS";
    public static final String QUEUE_URL = "RESTOW_QUEUE_URL";
    public static final String CONTROL_QUEUE_URL = "RESTOW_CONTROL_QUEUE_URL";
    public static final String SQS_ENDPOINT = "RESTOW_SQS_ENDPOINT_URL";
    public static final String PAGE_SIZE = "RESTOW_PAGE_SIZE";
    public static final String FANOUT_RESERVE_MS = "RESTOW_FANOUT_RESERVE_MS";
    public static final String IMAGE_RESERVE_MS = "RESTOW_IMAGE_RESERVE_MS";

    /** Every variable this record reads, for checks against deployment templates. */
    public static final List<String> VARIABLES = List.of(DATABASE_URL, DB_SECRET_ARN, DB_POOL_SIZE,
            DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS, BUCKET, S3_REGION, AWS_REGION, S3_ENDPOINT, ACCESS_KEY_ID,
            SECRET_ACCESS_KEY, CUSTOM_DOMAIN, PUBLIC_URL_PREFIXES, WEBP_QUALITY, WEBP_METHOD, MAX_PIXELS,
            MAX_INPUT_BYTES, MIN_SAVINGS, KEEP_METADATA, SOURCES, TARGET_KEY, DELETE_ORIGINALS, COPY_ACL,
            LEDGER_TABLE, LEASE_TABLE, LEASE_TTL_SECONDS, QUEUE_URL, CONTROL_QUEUE_URL, SQS_ENDPOINT, PAGE_SIZE, FANOUT_RESERVE_MS,
            IMAGE_RESERVE_MS);

    public MediaConfig {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(targetKeyMode, "targetKeyMode");
        Objects.requireNonNull(ledgerTable, "ledgerTable");
        Objects.requireNonNull(leaseTable, "leaseTable");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        dbConnectTimeout = dbConnectTimeout == null ? DbSettings.DEFAULT_CONNECT_TIMEOUT : dbConnectTimeout;
        dbStatementTimeout = dbStatementTimeout == null ? DbSettings.DEFAULT_STATEMENT_TIMEOUT : dbStatementTimeout;
        fanOutReserve = fanOutReserve == null ? Duration.ofSeconds(30) : fanOutReserve;
        imageReserve = imageReserve == null ? Duration.ofSeconds(20) : imageReserve;
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new ConfigException(SOURCES, "no sources configured");
        }
        dbSecretArn = dbSecretArn == null ? "" : dbSecretArn;
        queueUrl = queueUrl == null ? "" : queueUrl;
        controlQueueUrl = controlQueueUrl == null ? "" : controlQueueUrl;
        accessKeyId = accessKeyId == null ? Secret.empty() : accessKeyId;
        secretAccessKey = secretAccessKey == null ? Secret.empty() : secretAccessKey;
        if (db == null && dbSecretArn.isEmpty()) {
            throw new ConfigException(DATABASE_URL, "is required but not set (or set " + DB_SECRET_ARN + ")");
        }
    }

    /** Loads and validates; every error is a {@link ConfigException} naming the variable. */
    public static MediaConfig load(Env env) {
        String secretArn = env.string(DB_SECRET_ARN, "");
        int poolSize = env.integer(DB_POOL_SIZE, 2, 1, 50);
        Duration connectTimeout = env.millis(DB_CONNECT_TIMEOUT_MS, DbSettings.DEFAULT_CONNECT_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(2));
        Duration statementTimeout = env.millis(DB_STATEMENT_TIMEOUT_MS, DbSettings.DEFAULT_STATEMENT_TIMEOUT,
                Duration.ofSeconds(1), Duration.ofMinutes(15));
        DbSettings db = null;
        if (env.get(DATABASE_URL).isPresent() || secretArn.isEmpty()) {
            db = DbSettings.parseUrl(DATABASE_URL, env.get(DATABASE_URL).orElse(null))
                    .withPoolSize(poolSize).withTimeouts(connectTimeout, statementTimeout);
        }
        String bucket = env.required(BUCKET);
        String region = env.get(S3_REGION).or(() -> env.get(AWS_REGION)).orElse("us-east-1");
        URI endpoint = httpUrl(env, S3_ENDPOINT);
        List<String> prefixes = new ArrayList<>();
        env.get(CUSTOM_DOMAIN).ifPresent(prefixes::add);
        env.get(PUBLIC_URL_PREFIXES).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(prefixes::add));
        StorageLocation storage;
        try {
            storage = new StorageLocation(bucket, region, endpoint, prefixes);
        } catch (IllegalArgumentException e) {
            String variable = e.getMessage().startsWith("public URL prefix") ? PUBLIC_URL_PREFIXES : BUCKET;
            throw new ConfigException(variable, e.getMessage());
        }
        CodecOptions codec = new CodecOptions(
                env.integer(WEBP_QUALITY, CodecOptions.DEFAULTS.quality(), 0, 100),
                env.integer(WEBP_METHOD, CodecOptions.DEFAULTS.method(), 0, 6),
                env.longValue(MAX_PIXELS, CodecOptions.DEFAULTS.maxPixels(), 1, 1_000_000_000L),
                env.decimal(MIN_SAVINGS, CodecOptions.DEFAULTS.minSavings(), 0.0, 0.99),
                env.bool(KEEP_METADATA, false));
        List<Source> sources = env.get(SOURCES).map(json -> Sources.parse(SOURCES, json)).orElse(Sources.DEFAULTS);
        return new MediaConfig(db, secretArn, poolSize, connectTimeout, statementTimeout, storage,
                env.secret(ACCESS_KEY_ID), env.secret(SECRET_ACCESS_KEY), codec,
                env.longValue(MAX_INPUT_BYTES, 50L * 1024 * 1024, 1, 5L * 1024 * 1024 * 1024),
                sources,
                env.enumValue(TARGET_KEY, TargetKeyMode.class, TargetKeyMode.REPLACE_EXTENSION),
                env.bool(DELETE_ORIGINALS, false),
                env.bool(COPY_ACL, true),
                identifier(LEDGER_TABLE, env.string(LEDGER_TABLE, "restow_ledger")),
                identifier(LEASE_TABLE, env.string(LEASE_TABLE, "restow_lease")),
                Duration.ofSeconds(env.integer(LEASE_TTL_SECONDS, 900, 30, 86_400)),
                env.string(QUEUE_URL, ""),
                env.string(CONTROL_QUEUE_URL, ""),
                httpUrl(env, SQS_ENDPOINT),
                env.integer(PAGE_SIZE, 500, 10, 10_000),
                env.millis(FANOUT_RESERVE_MS, Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(10)),
                env.millis(IMAGE_RESERVE_MS, Duration.ofSeconds(20), Duration.ZERO, Duration.ofMinutes(10)));
    }

    /**
     * Database settings for an address and credentials found elsewhere (a Secrets Manager secret), with this
     * configuration's pool size and timeouts.
     */
    public DbSettings dbSettings(String host, int port, String database, String user, Secret password) {
        return DbSettings.of(host, port, database, user, password).withPoolSize(dbPoolSize)
                .withTimeouts(dbConnectTimeout, dbStatementTimeout);
    }

    /** The source of that table name, if configured. */
    public java.util.Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static URI httpUrl(Env env, String variable) {
        if (env.get(variable).isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(env.get(variable).get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, "'" + env.get(variable).get() + "' is not a valid URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigException(variable, "'" + uri + "' must be an http(s) URL with a host");
        }
        return uri;
    }

    /** The SQS endpoint override, when one is configured. */
    public java.util.Optional<URI> sqsEndpointOverride() {
        return java.util.Optional.ofNullable(sqsEndpoint);
    }

    private static SqlIdentifier identifier(String variable, String value) {
        try {
            return SqlIdentifier.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, e.getMessage());
        }
    }

    /** Static keys were given (else the SDK's default credential chain applies). */
    public boolean hasStaticKeys() {
        return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty();
    }

    /** The queue URL, or a {@link ConfigException} naming the variable when the caller needs it. */
    public String requireQueueUrl() {
        if (queueUrl.isEmpty()) {
            throw new ConfigException(QUEUE_URL, "is required but not set");
        }
        return queueUrl;
    }
}
