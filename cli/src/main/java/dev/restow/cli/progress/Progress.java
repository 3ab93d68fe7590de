package dev.restow.cli.progress;

import dev.restow.cli.CommandIo;
import java.time.Duration;

/**
 * Progress of one phase (images converted, blobs moved): a bar on a terminal, plain lines otherwise (logs, CI,
 * pipes). Written to stderr; stdout stays for results. Thread-safe.
 */
public interface Progress extends AutoCloseable {

    /** Adds {@code n} units done. */
    void step(long n);

    /** Changes the expected total (it may grow as work is discovered). */
    void total(long max);

    /** A short note shown next to the counts (e.g. the current source). */
    void note(String text);

    /** Ends the phase: a bar is completed, plain output prints its last line. */
    @Override
    void close();

    /**
     * Starts a phase on {@code io}'s stderr.
     *
     * @param task name shown (e.g. {@code images})
     * @param max  expected total, 0 when not yet known
     * @param unit what is counted, plural (e.g. {@code images}, {@code blobs})
     */
    static Progress start(CommandIo io, String task, long max, String unit) {
        if (io.interactive()) {
            return new BarProgress(io.err(), task, max, unit);
        }
        return new LineProgress(io.err(), task, max, unit, Duration.ofSeconds(5));
    }
}
