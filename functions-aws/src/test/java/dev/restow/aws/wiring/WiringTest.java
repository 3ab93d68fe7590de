package dev.restow.aws.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.config.ConfigException;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.db.DbSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class WiringTest {
    private static final String SECRET = "{\"username\":\"app\",\"password\":\"pa55:w@rd\",\"engine\":\"postgres\","
            + "\"host\":\"proxy.rds.internal\",\"port\":\"5433\",\"dbname\":\"media\"}";

    private static MediaConfig config(boolean withUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(MediaConfig.BUCKET, "media-bucket");
        env.put(MediaConfig.DB_SECRET_ARN, "arn:aws:secretsmanager:us-east-1:1:secret:db");
        env.put(MediaConfig.DB_POOL_SIZE, "3");
        if (withUrl) {
            env.put(MediaConfig.DATABASE_URL, "postgresql://placeholder@db.example:6543/app");
        }
        return MediaConfig.load(Env.of(env));
    }

    @Test
    void fromSecret_should_takeTheAddressFromTheSecret_when_noDatabaseUrlIsSet() {
        DbSettings db = Wiring.fromSecret(config(false), SECRET);

        assertThat(db.host()).isEqualTo("proxy.rds.internal");
        assertThat(db.port()).isEqualTo(5433);
        assertThat(db.database()).isEqualTo("media");
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password().reveal()).isEqualTo("pa55:w@rd");
        assertThat(db.poolSize()).isEqualTo(3);
    }

    @Test
    void fromSecret_should_keepTheUrlsAddress_when_aDatabaseUrlIsSet() {
        DbSettings db = Wiring.fromSecret(config(true), SECRET);

        assertThat(db.host()).isEqualTo("db.example");
        assertThat(db.port()).isEqualTo(6543);
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password().reveal()).isEqualTo("pa55:w@rd");
    }

    @Test
    void fromSecret_should_failWithoutShowingTheSecret_when_itIsNotJson() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Wiring.fromSecret(config(false), "user=app password=hunter2"));

        assertEquals("DB_SECRET_ARN: the secret is not a JSON object", e.getMessage());
    }

    @Test
    void fromSecret_should_failNamingTheField_when_usernameIsMissing() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Wiring.fromSecret(config(false), "{\"password\":\"hunter2\"}"));

        assertEquals("DB_SECRET_ARN: the secret has no 'username'", e.getMessage());
    }

    @Test
    void fromSecret_should_askForADatabaseUrl_when_theSecretHasNoAddress() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Wiring.fromSecret(config(false), "{\"username\":\"app\",\"password\":\"hunter2\"}"));

        assertEquals("DB_SECRET_ARN: the secret has no 'host' and 'dbname': set DATABASE_URL for the address",
                e.getMessage());
    }

    @Test
    void credentials_should_useTheStaticKeys_when_givenWithoutASessionToken() {
        Map<String, String> vars = new HashMap<>(Map.of(MediaConfig.BUCKET, "bkt", MediaConfig.DATABASE_URL,
                "postgresql://u@h/d", MediaConfig.ACCESS_KEY_ID, "AKIA1", MediaConfig.SECRET_ACCESS_KEY, "s"));
        Env env = Env.of(vars);

        assertThat(Wiring.credentials(MediaConfig.load(env), env)).isInstanceOf(StaticCredentialsProvider.class);
    }

    @Test
    void credentials_should_useTheDefaultChain_when_theKeysAreTheRuntimesTemporaryOnes() {
        Map<String, String> vars = new HashMap<>(Map.of(MediaConfig.BUCKET, "bkt", MediaConfig.DATABASE_URL,
                "postgresql://u@h/d", MediaConfig.ACCESS_KEY_ID, "ASIA1", MediaConfig.SECRET_ACCESS_KEY, "s",
                Wiring.SESSION_TOKEN, "token"));
        Env env = Env.of(vars);

        assertThat(Wiring.credentials(MediaConfig.load(env), env)).isInstanceOf(DefaultCredentialsProvider.class);
    }
}
