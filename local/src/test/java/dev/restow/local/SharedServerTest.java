package dev.restow.local;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedServerTest {

    @Test
    void get_should_startOnce_when_calledTwice() {
        AtomicInteger starts = new AtomicInteger();
        SharedServer<String> shared = new SharedServer<>("test", () -> "server" + starts.incrementAndGet(), s -> { });

        shared.get();

        assertThat(shared.get()).isEqualTo("server1");
    }

    @Test
    void get_should_reportTheEarlierFailure_when_startFailedBefore() {
        AtomicInteger starts = new AtomicInteger();
        SharedServer<String> shared = new SharedServer<>("test", () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("port in use");
        }, s -> { });
        assertThrows(IllegalStateException.class, shared::get);

        IllegalStateException e = assertThrows(IllegalStateException.class, shared::get);

        assertThat(e).hasMessage("the shared test failed to start earlier in this JVM: port in use");
        assertThat(starts).hasValue(1);
    }

    @Test
    void is_should_beFalse_when_notStarted() {
        SharedServer<String> shared = new SharedServer<>("test", () -> "x", s -> { });

        assertThat(shared.is("x")).isFalse();
    }
}
