package dev.restow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

    @Test
    void getRemainingTimeInMillis_should_countDownFromTimeout_when_invocation() {
        LocalLambdaContext ctx = LocalLambdaContext.invocation("restow-image", Duration.ofMinutes(3), 1769);

        assertThat(ctx.getRemainingTimeInMillis()).isBetween(1, 180_000);
        assertThat(ctx.getFunctionName()).isEqualTo("restow-image");
        assertThat(ctx.getMemoryLimitInMB()).isEqualTo(1769);
    }

    @Test
    void getRemainingTimeInMillis_should_neverBeNegative_when_timeoutPassed() {
        assertThat(LocalLambdaContext.invocation("f", Duration.ZERO, 128).getRemainingTimeInMillis()).isZero();
    }

    @Test
    void getRemainingTimeInMillis_should_answerTheScript_when_scripted() {
        int[] calls = {0};
        LocalLambdaContext ctx = LocalLambdaContext.scripted("f", () -> calls[0]++ == 0 ? 5_000 : 0, 128);

        assertThat(ctx.getRemainingTimeInMillis()).isEqualTo(5_000);
        assertThat(ctx.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void getAwsRequestId_should_differ_when_twoInvocations() {
        assertThat(LocalLambdaContext.invocation("f", Duration.ofSeconds(1), 128).getAwsRequestId())
                .isNotEqualTo(LocalLambdaContext.invocation("f", Duration.ofSeconds(1), 128).getAwsRequestId());
    }
}
