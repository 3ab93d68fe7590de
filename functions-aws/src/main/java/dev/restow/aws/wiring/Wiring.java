package dev.restow.aws.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.config.ConfigException;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.config.Secret;
import dev.restow.db.DbSettings;
import dev.restow.db.Pools;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the clients a container needs from its configuration, once per container: S3 (url-connection client,
 * endpoint override with path-style addressing, checksums only when required), SQS, and the connection pool (DB
 * credentials from Secrets Manager when {@code DB_SECRET_ARN} is set).
 */
public final class Wiring {
    /** Set by the Lambda runtime next to its temporary keys. */
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wiring() {
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Static keys from the configuration when given and not the runtime's own temporary keys (which come with a
     * session token: the default chain reads those); otherwise the default chain.
     */
    public static AwsCredentialsProvider credentials(MediaConfig config, Env env) {
        if (config.hasStaticKeys() && env.get(SESSION_TOKEN).isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().reveal(),
                    config.secretAccessKey().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofMinutes(2))
                .apiCallAttemptTimeout(Duration.ofSeconds(60)).build();
    }

    public static S3Client s3(MediaConfig config, Env env) {
        S3ClientBuilder b = S3Client.builder()
                .httpClient(http())
                .region(Region.of(config.storage().region()))
                .credentialsProvider(credentials(config, env))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(overrides());
        config.storage().endpointOverride().ifPresent(uri -> b.endpointOverride(uri).forcePathStyle(true));
        return b.build();
    }

    public static SqsClient sqs(MediaConfig config, Env env) {
        SqsClientBuilder b = SqsClient.builder()
                .httpClient(http())
                .region(Region.of(region(config, env)))
                .credentialsProvider(credentials(config, env))
                .overrideConfiguration(overrides());
        config.sqsEndpointOverride().ifPresent(b::endpointOverride);
        return b.build();
    }

    private static String region(MediaConfig config, Env env) {
        return env.get(MediaConfig.AWS_REGION).orElse(config.storage().region());
    }

    /** The pool, with the database credentials (and address, when no DATABASE_URL) from Secrets Manager if set. */
    public static HikariDataSource dataSource(MediaConfig config, Env env, String poolName) {
        DbSettings db = config.db();
        if (!config.dbSecretArn().isEmpty()) {
            try (SecretsManagerClient sm = SecretsManagerClient.builder().httpClient(http())
                    .region(Region.of(region(config, env))).credentialsProvider(credentials(config, env)).build()) {
                String secret;
                try {
                    secret = sm.getSecretValue(b -> b.secretId(config.dbSecretArn())).secretString();
                } catch (RuntimeException e) {
                    throw new ConfigException(MediaConfig.DB_SECRET_ARN, "could not read the secret: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                db = fromSecret(config, secret);
            }
        }
        return Pools.create(db, poolName);
    }

    /**
     * Database settings from a Secrets Manager secret in the RDS form {@code {"username","password","host","port",
     * "dbname"}}: credentials always from the secret; the address from DATABASE_URL when set, else from the secret.
     * Error messages never include the secret's values.
     */
    public static DbSettings fromSecret(MediaConfig config, String secretJson) {
        JsonNode n;
        try {
            n = secretJson == null ? null : JSON.readTree(secretJson);
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw new ConfigException(MediaConfig.DB_SECRET_ARN, "the secret is not a JSON object");
        }
        String user = n.path("username").asText("");
        if (user.isEmpty()) {
            throw new ConfigException(MediaConfig.DB_SECRET_ARN, "the secret has no 'username'");
        }
        Secret password = Secret.of(n.path("password").asText(""));
        if (config.db() != null) {
            return config.db().withCredentials(user, password);
        }
        String host = n.path("host").asText("");
        String dbname = n.path("dbname").asText("");
        if (host.isEmpty() || dbname.isEmpty()) {
            throw new ConfigException(MediaConfig.DB_SECRET_ARN, "the secret has no 'host' and 'dbname': set "
                    + MediaConfig.DATABASE_URL + " for the address");
        }
        int port = DbSettings.DEFAULT_PORT;
        JsonNode p = n.path("port");
        if (p.isInt()) {
            port = p.asInt();
        } else if (p.isTextual() && !p.asText().isBlank()) {
            try {
                port = Integer.parseInt(p.asText().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(MediaConfig.DB_SECRET_ARN, "the secret's 'port' is not a number");
            }
        }
        return config.dbSettings(host, port, dbname, user, password);
    }
}
