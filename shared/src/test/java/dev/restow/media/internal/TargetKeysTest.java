package dev.restow.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.media.TargetKeyMode;
import org.junit.jupiter.api.Test;

class TargetKeysTest {

    @Test
    void target_should_replaceTheExtension_when_modeIsReplace() {
        assertThat(TargetKeys.target("photos/2024/a.JPG", TargetKeyMode.REPLACE_EXTENSION)).isEqualTo("photos/2024/a.webp");
    }

    @Test
    void target_should_appendWebp_when_modeIsAppend() {
        assertThat(TargetKeys.target("photos/a.jpg", TargetKeyMode.APPEND)).isEqualTo("photos/a.jpg.webp");
    }

    @Test
    void replaced_should_appendWebp_when_theKeyHasNoExtension() {
        assertThat(TargetKeys.replaced("photos.v2/avatar")).isEqualTo("photos.v2/avatar.webp");
    }

    @Test
    void replaced_should_keepADotfileName_when_theNameStartsWithADot() {
        assertThat(TargetKeys.replaced("photos/.hidden")).isEqualTo("photos/.hidden.webp");
    }

    @Test
    void looksLikeWebp_should_ignoreTheQuery_when_theValueIsAUrl() {
        assertThat(TargetKeys.looksLikeWebp("https://cdn.example.com/a.WEBP?v=3")).isTrue();
        assertThat(TargetKeys.looksLikeWebp("https://cdn.example.com/a.webp.jpg")).isFalse();
    }

    @Test
    void encode_should_percentEncodeNonAscii_when_metadataNeedsAscii() {
        assertThat(TargetKeys.encode("fotos/año 1+1.jpg")).isEqualTo("fotos/a%C3%B1o%201%2B1.jpg");
    }
}
