package dev.restow.cli.media;

import dev.restow.cli.report.SourceTotals;
import dev.restow.media.SourceCounts;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import dev.restow.outcome.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up what a media run did per source: the values the fan-out left out (no URL, already WebP, done before) and
 * the outcome of every image processed. Thread-safe.
 */
public final class MediaTally {

    private final Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
    private final Map<String, long[]> bytes = new LinkedHashMap<>();

    /** Registers a source so that it shows even when nothing happened to it. */
    public synchronized void source(String source) {
        outcomes.computeIfAbsent(source, s -> new LinkedHashMap<>());
        bytes.computeIfAbsent(source, s -> new long[2]);
    }

    /** The values the fan-out left out of one source, as skipped outcomes. */
    public synchronized void fanOut(String source, SourceCounts counts) {
        source(source);
        add(source, Outcome.skipped(Reasons.NO_URL), counts.noUrl());
        add(source, Outcome.skipped(Reasons.ALREADY_WEBP), counts.alreadyWebp());
        add(source, Outcome.skipped(Reasons.ALREADY_DONE), counts.doneBefore());
    }

    /** One processed image. */
    public synchronized void image(String source, Outcome outcome, long bytesIn, long bytesOut) {
        source(source);
        add(source, outcome, 1);
        if (outcome.is(Status.CONVERTED)) {
            long[] b = bytes.get(source);
            b[0] += bytesIn;
            b[1] += bytesOut;
        }
    }

    private void add(String source, Outcome outcome, long n) {
        if (n > 0) {
            outcomes.get(source).merge(outcome.toString(), (int) n, Integer::sum);
        }
    }

    /** How many images ended with {@code status} across all sources (fan-out skips included). */
    public synchronized int count(Status status) {
        return totals().stream().mapToInt(t -> t.count(status)).sum();
    }

    /** Per source, in the order first seen. */
    public synchronized List<SourceTotals> totals() {
        List<SourceTotals> out = new ArrayList<>();
        outcomes.forEach((source, counts) -> {
            long[] b = bytes.get(source);
            out.add(new SourceTotals(source, counts, b[0], b[1]));
        });
        return out;
    }
}
