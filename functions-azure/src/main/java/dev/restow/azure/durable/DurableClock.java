package dev.restow.azure.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of {@link InProcessDurableRunner}: what "now" is for new history events and how to
 * wait for a durable timer.
 */
public interface DurableClock {

    /** The current time. */
    Instant now();

    /** Returns once {@link #now()} is at or after {@code instant}. */
    void waitUntil(Instant instant) throws InterruptedException;

    /** Whether waits are skipped (a timer fires as soon as nothing else is running). */
    boolean virtual();

    /** Wall-clock time; timers really wait. */
    static DurableClock system() {
        return new DurableClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void waitUntil(Instant instant) throws InterruptedException {
                long ms;
                while ((ms = Duration.between(Instant.now(), instant).toMillis()) > 0) {
                    Thread.sleep(Math.min(ms, 1000));
                }
            }

            @Override
            public boolean virtual() {
                return false;
            }

            @Override
            public String toString() {
                return "system clock";
            }
        };
    }

    /**
     * Wall-clock time plus an offset that grows whenever a wait is skipped: time flows as usual, and
     * a timer fires at once by jumping the clock past it. Deadlines of hours pass in milliseconds.
     */
    static DurableClock skipping() {
        AtomicLong offsetNanos = new AtomicLong();
        return new DurableClock() {
            @Override
            public Instant now() {
                return Instant.now().plusNanos(offsetNanos.get());
            }

            @Override
            public void waitUntil(Instant instant) {
                offsetNanos.accumulateAndGet(0, (current, ignored) -> {
                    Instant now = Instant.now().plusNanos(current);
                    long missing = Duration.between(now, instant).toNanos();
                    return missing > 0 ? current + missing : current;
                });
            }

            @Override
            public boolean virtual() {
                return true;
            }

            @Override
            public String toString() {
                return "skipping clock (offset " + Duration.ofNanos(offsetNanos.get()) + ")";
            }
        };
    }
}
