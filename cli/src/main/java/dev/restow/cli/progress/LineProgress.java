package dev.restow.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Plain progress lines for logs and pipes: one every interval at most, and one at the end. */
final class LineProgress implements Progress {

    private final PrintStream err;
    private final String task;
    private final String unit;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long max;
    private long done;
    private long lastPrinted;
    private String note = "";
    private boolean closed;

    LineProgress(PrintStream err, String task, long max, String unit, Duration interval) {
        this.err = err;
        this.task = task;
        this.max = max;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
        this.lastPrinted = started;
    }

    @Override
    public synchronized void step(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrinted >= intervalNanos) {
            lastPrinted = now;
            print(now);
        }
    }

    @Override
    public synchronized void total(long value) {
        max = value;
    }

    @Override
    public synchronized void note(String text) {
        note = text == null ? "" : text;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            print(System.nanoTime());
        }
    }

    private void print(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String of = max > 0 ? String.format(Locale.ROOT, "%d/%d %s (%d%%)", done, max, unit, done * 100 / max)
                : done + " " + unit;
        err.println(String.format(Locale.ROOT, "%s: %s, %.1f %s/s%s", task, of, done / seconds, unit,
                note.isEmpty() ? "" : " - " + note));
        err.flush();
    }
}
