package dev.restow.bench.media;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measured run as an aligned table: headline figures, then where the time went, phase by phase, with each
 * phase's share of the accounted time (fan-out plus every worker's drain loop; with one worker that is the wall
 * time).
 */
public final class Report {

    /** Everything the report prints, gathered by the benchmark. */
    public record Run(String setup, String images, int count, double megapixels, long wallNanos, long bytesIn,
                      long bytesOut, Map<String, Long> outcomes, String fanOut, long invocations,
                      long batchItemFailures, long failedMessages, long repointed, String load,
                      PhaseClock.Totals fanOutTime, Map<Phase, PhaseClock.Totals> measured,
                      PhaseClock.Totals codecWindows, PhaseClock.Totals handlers, PhaseClock.Totals loops,
                      CodecSampler.Samples samples) {
    }

    /** One row of the time table. */
    private record Line(String label, long calls, PhaseClock.Totals t, boolean cpu) {
    }

    private Report() {
    }

    public static void print(PrintStream out, Run r) {
        double wall = r.wallNanos() / 1e9;
        Map<Phase, PhaseClock.Totals> t = split(r);
        long accounted = r.fanOutTime().wallNanos() + r.loops().wallNanos();
        long encode = t.get(Phase.CODEC_ENCODE).wallNanos();
        long codec = encode + t.get(Phase.CODEC_DECODE).wallNanos();

        out.println();
        out.println("restow media pipeline benchmark: FanOutHandler + ImageHandler (real) on LocalPostgres, LocalS3,"
                + " LocalSqs");
        out.printf(Locale.ROOT, "%-12s %s%n", "setup", r.setup());
        out.printf(Locale.ROOT, "%-12s %s%n", "images", r.images());
        out.printf(Locale.ROOT, "%-12s %s%n", "machine", r.load());
        out.printf(Locale.ROOT, "%-12s %s%n", "fan-out", r.fanOut());
        out.printf(Locale.ROOT, "%-12s %s; %d handler invocations, %d batch item failures (%d messages left failed);"
                        + " %d rows re-pointed to .webp%n", "outcomes", outcomes(r.outcomes()), r.invocations(),
                r.batchItemFailures(), r.failedMessages(), r.repointed());
        out.println();
        out.printf(Locale.ROOT, "%-34s %10d%n", "images", r.count());
        out.printf(Locale.ROOT, "%-34s %10.2f   (fan-out start to the last message deleted)%n", "wall seconds", wall);
        out.printf(Locale.ROOT, "%-34s %10.2f%n", "images/s", r.count() / wall);
        out.printf(Locale.ROOT, "%-34s %10.2f   (%.1f MP of source pixels)%n", "MP/s", r.megapixels() / wall,
                r.megapixels());
        out.printf(Locale.ROOT, "%-34s %10s   -> out %s (%.1f%% of in, converted images)%n", "bytes in",
                mb(r.bytesIn()), mb(r.bytesOut()), r.bytesIn() == 0 ? 0.0 : 100.0 * r.bytesOut() / r.bytesIn());
        out.printf(Locale.ROOT, "%-34s %10.2f   (%.1f%% of accounted time)%n", "outside the encoder, s",
                (accounted - encode) / 1e9, pct(accounted - encode, accounted));
        out.printf(Locale.ROOT, "%-34s %10.2f   (%.1f%% of accounted time)%n", "outside the codec, s",
                (accounted - codec) / 1e9, pct(accounted - codec, accounted));
        out.println();

        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Phase.FAN_OUT.label(), 1, r.fanOutTime(), false));
        for (Phase p : Phase.values()) {
            if (p != Phase.FAN_OUT) {
                lines.add(new Line(p.label(), t.get(p).calls(), t.get(p), true));
            }
        }
        String head = String.format(Locale.ROOT, "%-46s %7s %9s %7s %8s %9s", "phase", "calls", "wall s", "share",
                "ms/img", "cpu s");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (Line l : lines) {
            out.printf(Locale.ROOT, "%-46s %7s %9.3f %6.1f%% %8.2f %9s%n", l.label(),
                    l.calls() == 0 ? "" : Long.toString(l.calls()), l.t().wallNanos() / 1e9,
                    pct(l.t().wallNanos(), accounted), l.t().wallNanos() / 1e6 / r.count(),
                    l.cpu() ? String.format(Locale.ROOT, "%.3f", l.t().cpuNanos() / 1e9) : "-");
        }
        out.println("-".repeat(head.length()));
        out.printf(Locale.ROOT, "%-46s %7s %9.3f %6.1f%% %8.2f%n", "accounted (fan-out + worker drain loops)", "",
                accounted / 1e9, 100.0, accounted / 1e6 / r.count());
        out.printf(Locale.ROOT, "%-46s %7s %9.3f %6.1f%% %8.2f%n", "  outside the encoder", "",
                (accounted - encode) / 1e9, pct(accounted - encode, accounted),
                (accounted - encode) / 1e6 / r.count());
        out.printf(Locale.ROOT, "%-46s %7s %9.3f %6.1f%% %8.2f%n", "  outside the codec (I/O, DB, queue, handler)",
                "", (accounted - codec) / 1e9, pct(accounted - codec, accounted), (accounted - codec) / 1e6 / r.count());
        out.println();
        CodecSampler.Samples s = r.samples();
        out.printf(Locale.ROOT, "codec time is measured per image from the end of the S3 GET to the next S3/DB call"
                        + " (%d windows, %.3f s wall, %.3f s cpu);%n", r.codecWindows().calls(),
                r.codecWindows().wallNanos() / 1e9, r.codecWindows().cpuNanos() / 1e9);
        if (s.totalNanos() > 0) {
            out.printf(Locale.ROOT, "decode/encode split of that time by %d time-weighted stack samples: %.1f%% decode,"
                            + " %.1f%% encode, %.1f%% outside ImageCodec (counted as handler other).%n", s.count(),
                    pct(s.decodeNanos(), s.totalNanos()), pct(s.encodeNanos(), s.totalNanos()),
                    pct(s.otherNanos(), s.totalNanos()));
        } else {
            out.println("no stack samples landed in the codec: its time is all shown as decode (no split).");
        }
        out.println("cpu s = CPU time of the worker threads in that phase; the local servers run in this JVM on other"
                + " threads, so for S3/SQS/DB phases wall > cpu is mostly the servers' work.");
    }

    /** The measured phases with the codec windows split into decode, encode and handler work. */
    static Map<Phase, PhaseClock.Totals> split(Run r) {
        Map<Phase, PhaseClock.Totals> t = new EnumMap<>(r.measured());
        PhaseClock.Totals w = r.codecWindows();
        CodecSampler.Samples s = r.samples();
        PhaseClock.Totals decode;
        PhaseClock.Totals encode;
        PhaseClock.Totals other;
        if (s.totalNanos() > 0) {
            decode = w.scaled((double) s.decodeNanos() / s.totalNanos());
            encode = w.scaled((double) s.encodeNanos() / s.totalNanos());
            other = w.minus(decode).minus(encode);
        } else {
            decode = w;
            encode = new PhaseClock.Totals(0, 0, 0);
            other = new PhaseClock.Totals(0, 0, 0);
        }
        t.put(Phase.CODEC_DECODE, new PhaseClock.Totals(decode.wallNanos(), decode.cpuNanos(), w.calls()));
        t.put(Phase.CODEC_ENCODE, new PhaseClock.Totals(encode.wallNanos(), encode.cpuNanos(), w.calls()));
        PhaseClock.Totals inside = w;
        for (Phase p : Phase.values()) {
            if (p.name().startsWith("S3_") || p.name().startsWith("DB_")) {
                inside = inside.plus(t.get(p));
            }
        }
        PhaseClock.Totals handlerOther = r.handlers().minus(inside).plus(other);
        t.put(Phase.HANDLER_OTHER, new PhaseClock.Totals(handlerOther.wallNanos(), handlerOther.cpuNanos(),
                r.invocations()));
        PhaseClock.Totals harness = r.loops().minus(r.handlers()).minus(t.get(Phase.SQS_RECEIVE))
                .minus(t.get(Phase.SQS_DELETE));
        t.put(Phase.HARNESS, new PhaseClock.Totals(harness.wallNanos(), harness.cpuNanos(), 0));
        return t;
    }

    private static String outcomes(Map<String, Long> outcomes) {
        List<String> parts = new ArrayList<>();
        outcomes.forEach((k, v) -> parts.add(k + " " + v));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static double pct(long part, long whole) {
        return whole <= 0 ? 0.0 : 100.0 * part / whole;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
