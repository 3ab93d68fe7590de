package dev.restow.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodecOptionsTest {

    @Test
    void defaults_should_matchTheOriginalToolsSettings_when_unchanged() {
        assertThat(CodecOptions.DEFAULTS).isEqualTo(new CodecOptions(80, 6, 50_000_000L, 0.05, false));
    }

    @Test
    void constructor_should_rejectQualityAbove100_when_given101() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CodecOptions(101, 6, 1, 0.05, false));
        assertThat(e).hasMessage("quality must be in 0..100, got 101");
    }

    @Test
    void constructor_should_rejectNegativeQuality_when_givenMinus1() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withQuality(-1));
        assertThat(e).hasMessage("quality must be in 0..100, got -1");
    }

    @Test
    void constructor_should_rejectMethodAbove6_when_given7() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMethod(7));
        assertThat(e).hasMessage("method must be in 0..6, got 7");
    }

    @Test
    void constructor_should_rejectNegativeMethod_when_givenMinus1() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMethod(-1));
        assertThat(e).hasMessage("method must be in 0..6, got -1");
    }

    @Test
    void constructor_should_rejectZeroMaxPixels_when_given0() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMaxPixels(0));
        assertThat(e).hasMessage("maxPixels must be > 0, got 0");
    }

    @Test
    void constructor_should_rejectMinSavingsOfOne_when_given1() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMinSavings(1.0));
        assertThat(e).hasMessage("minSavings must be in [0, 1), got 1.0");
    }

    @Test
    void constructor_should_rejectNegativeMinSavings_when_givenMinusOneTenth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMinSavings(-0.1));
        assertThat(e).hasMessage("minSavings must be in [0, 1), got -0.1");
    }

    @Test
    void constructor_should_rejectNaNMinSavings_when_givenNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecOptions.DEFAULTS.withMinSavings(Double.NaN));
        assertThat(e).hasMessage("minSavings must be in [0, 1), got NaN");
    }

    @Test
    void constructor_should_acceptBounds_when_givenExtremesOfEachRange() {
        CodecOptions o = new CodecOptions(0, 0, 1, 0.0, true).withQuality(100).withMethod(6);
        assertThat(o).isEqualTo(new CodecOptions(100, 6, 1, 0.0, true));
    }

    @Test
    void withers_should_changeOnlyTheirField_when_chained() {
        CodecOptions o = CodecOptions.DEFAULTS.withQuality(70).withMethod(4).withMaxPixels(1_000)
                .withMinSavings(0.2).withKeepMetadata(true);
        assertThat(o).isEqualTo(new CodecOptions(70, 4, 1_000, 0.2, true));
    }
}
