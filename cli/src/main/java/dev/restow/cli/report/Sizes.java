package dev.restow.cli.report;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes, percentages and durations for reports. */
public final class Sizes {
    private Sizes() {
    }

    /** {@code 912 B}, {@code 85.3 KB}, {@code 12.4 MB}, {@code 1.20 GB} (powers of 1024). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }

    /** Saving of {@code after} against {@code before} in percent, e.g. {@code 58.2%}; {@code -} when nothing. */
    public static String saving(long before, long after) {
        if (before <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * (before - after) / before);
    }

    /** {@code 42.3 s} or {@code 2 min 05 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
