package dev.restow.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void toString_should_writeStatusAndReason_when_skipped() {
        assertThat(Outcome.skipped("no-savings")).hasToString("skipped:no-savings");
    }

    @Test
    void toString_should_writeStatusOnly_when_converted() {
        assertThat(Outcome.converted()).hasToString("converted");
    }

    @Test
    void parse_should_roundTrip_when_reasonIsQualified() {
        Outcome o = Outcome.parse("skipped:unsupported-format:avif");
        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.reason()).isEqualTo("unsupported-format:avif");
        assertThat(Outcome.parse(o.toString())).isEqualTo(o);
    }

    @Test
    void isRetryable_should_beTrueOnlyForFailed_when_checked() {
        assertThat(Outcome.failed("timeout").isRetryable()).isTrue();
        assertThat(Outcome.rejected("corrupt").isRetryable()).isFalse();
        assertThat(Outcome.skipped("animated").isFinal()).isTrue();
    }

    @Test
    void constructor_should_refuseWithExactMessage_when_reasonIsMalformed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outcome.rejected("Bad Reason"));
        assertThat(e.getMessage()).isEqualTo(
                "invalid rejected reason 'Bad Reason': use lower-case words joined by '-', qualified by ':'");
    }

    @Test
    void parse_should_refuse_when_failedHasNoReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outcome.parse("failed"));
        assertThat(e.getMessage()).isEqualTo("outcome 'failed' needs a reason: failed:<reason>");
    }

    @Test
    void reasons_should_qualifyFormat_when_unsupported() {
        assertThat(Reasons.unsupportedFormat("AVIF")).isEqualTo("unsupported-format:avif");
    }
}
