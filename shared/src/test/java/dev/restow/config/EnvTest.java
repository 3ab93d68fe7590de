package dev.restow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.media.TargetKeyMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void required_should_nameTheVariable_when_unset() {
        ConfigException e = assertThrows(ConfigException.class, () -> Env.of(Map.of()).required("AWS_STORAGE_BUCKET_NAME"));
        assertThat(e.getMessage()).isEqualTo("AWS_STORAGE_BUCKET_NAME: is required but not set");
    }

    @Test
    void get_should_treatBlankAsAbsent_when_valueIsWhitespace() {
        assertThat(Env.of(Map.of("X", "  ")).get("X")).isEmpty();
    }

    @Test
    void integer_should_refuseWithExactMessage_when_notANumber() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Env.of(Map.of("WEBP_QUALITY", "high")).integer("WEBP_QUALITY", 80, 0, 100));
        assertThat(e.getMessage()).isEqualTo("WEBP_QUALITY: 'high' is not a whole number");
    }

    @Test
    void integer_should_refuseWithExactMessage_when_outOfRange() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Env.of(Map.of("WEBP_METHOD", "7")).integer("WEBP_METHOD", 6, 0, 6));
        assertThat(e.getMessage()).isEqualTo("WEBP_METHOD: 7 is out of range 0..6");
    }

    @Test
    void bool_should_refuseWithExactMessage_when_notABoolean() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Env.of(Map.of("RESTOW_COPY_ACL", "maybe")).bool("RESTOW_COPY_ACL", true));
        assertThat(e.getMessage()).isEqualTo("RESTOW_COPY_ACL: 'maybe' is not a boolean (true/false)");
    }

    @Test
    void enumValue_should_acceptDashedLowerCase_when_configured() {
        assertThat(Env.of(Map.of("RESTOW_TARGET_KEY", "replace-extension"))
                .enumValue("RESTOW_TARGET_KEY", TargetKeyMode.class, TargetKeyMode.APPEND))
                .isEqualTo(TargetKeyMode.REPLACE_EXTENSION);
    }

    @Test
    void enumValue_should_listAllowedValues_when_unknown() {
        ConfigException e = assertThrows(ConfigException.class, () -> Env.of(Map.of("RESTOW_TARGET_KEY", "prefix"))
                .enumValue("RESTOW_TARGET_KEY", TargetKeyMode.class, TargetKeyMode.APPEND));
        assertThat(e.getMessage()).isEqualTo("RESTOW_TARGET_KEY: 'prefix' is not one of replace-extension, append");
    }

    @Test
    void secret_should_maskItsValue_when_printed() {
        Secret s = Env.of(Map.of("DB_PASSWORD", "hunter2")).secret("DB_PASSWORD");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(s.reveal()).isEqualTo("hunter2");
    }
}
