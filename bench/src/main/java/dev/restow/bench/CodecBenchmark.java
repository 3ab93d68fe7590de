package dev.restow.bench;

import dev.restow.bench.codec.CorpusFiles;
import dev.restow.bench.codec.Cwebp;
import dev.restow.bench.codec.Row;
import dev.restow.image.CodecOptions;
import dev.restow.image.Conversion;
import dev.restow.image.ImageCodec;
import dev.restow.outcome.Status;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The codec over the corpus, single-threaded, and Debian's cwebp on the same files with the same quality and
 * method in the same run (when installed), interleaved file by file. Prints per category and in total: files,
 * megapixels, seconds (decode and encode apart), MP/s, bytes in/out, and ours/cwebp ratios on the files both
 * handle, in wall-clock time (best of N) and in CPU time (steadier on a busy machine).
 *
 * <p>System properties: {@code restow.corpus} (default ../shared/corpus), {@code quality} (80), {@code method}
 * (6), {@code runs} (best of N per file, default 3), {@code verbose} (per-file lines). Command: docs/codec.md.
 */
public final class CodecBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CodecBenchmark() {
    }

    /** One measured conversion: the result and its thread CPU time (libwebp runs on the calling thread). */
    private record Measured(Conversion conversion, double cpuSeconds) {
        double wallSeconds() {
            return (conversion.decodeNanos() + conversion.encodeNanos()) / 1e9;
        }
    }

    public static void main(String[] args) throws Exception {
        int quality = Integer.getInteger("quality", 80);
        int method = Integer.getInteger("method", 6);
        int runs = Math.max(1, Integer.getInteger("runs", 3));
        boolean verbose = Boolean.getBoolean("verbose");
        CorpusFiles corpus = CorpusFiles.fromSystemProperty();
        ImageCodec codec = new ImageCodec(CodecOptions.DEFAULTS.withQuality(quality).withMethod(method));
        Optional<Cwebp> cwebp = Cwebp.find();
        Path tmp = Files.createTempDirectory("restow-codec-bench");
        Path out = tmp.resolve("out.webp");

        // warm-up: decoders and colour paths through the JIT, with a cheap encoder setting
        ImageCodec warm = new ImageCodec(CodecOptions.DEFAULTS.withMethod(0));
        for (CorpusFiles.Item item : corpus.items()) {
            warm.convert(Files.readAllBytes(item.path()));
        }

        Map<String, Row> byCategory = new TreeMap<>();
        for (CorpusFiles.Item item : corpus.items()) {
            byte[] in = Files.readAllBytes(item.path());
            Measured best = null;
            Cwebp.Result theirs = null;
            for (int r = 0; r < runs; r++) {
                Measured m = measure(codec, in);
                if (best == null || m.wallSeconds() < best.wallSeconds()) {
                    best = m;
                }
                if (cwebp.isPresent() && m.conversion().outputBytes() > 0) {
                    Cwebp.Result c = cwebp.get().encode(item.path(), out, quality, method);
                    if (theirs == null || !theirs.ok()
                            || c.ok() && c.decodeSeconds() + c.encodeSeconds() < theirs.decodeSeconds() + theirs.encodeSeconds()) {
                        theirs = c;
                    }
                }
            }
            Row row = row(in, best, theirs);
            if (verbose) {
                System.out.printf(Locale.ROOT, "%-44s %-24s %-34s %6.2f MP %.3f+%.3fs %d -> %d B%s%n", item.file(),
                        item.category(), best.conversion().outcome(), row.megapixels, row.decodeSeconds,
                        row.encodeSeconds, in.length, row.bytesOut, theirs == null ? ""
                                : theirs.ok() ? String.format(Locale.ROOT, " | cwebp %.3f+%.3fs %d B",
                                        theirs.decodeSeconds(), theirs.encodeSeconds(), theirs.outputBytes())
                                : " | cwebp cannot");
            }
            byCategory.computeIfAbsent(item.category(), k -> new Row()).add(row);
            if (best.conversion().outcome().is(Status.FAILED)) {
                System.out.println("WARNING: " + item.file() + " " + best.conversion().outcome());
            }
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(tmp);
        print(byCategory, quality, method, runs, cwebp);
    }

    private static Measured measure(ImageCodec codec, byte[] in) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Conversion c = codec.convert(in);
        return new Measured(c, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static Row row(byte[] in, Measured best, Cwebp.Result theirs) {
        Conversion c = best.conversion();
        Row row = new Row();
        row.files = 1;
        boolean encoded = c.outputBytes() > 0;
        double mp = encoded ? (double) c.width() * c.height() / 1e6 : 0;
        row.refused = encoded ? 0 : 1;
        row.megapixels = mp;
        row.decodeSeconds = c.decodeNanos() / 1e9;
        row.encodeSeconds = c.encodeNanos() / 1e9;
        row.bytesIn = in.length;
        row.bytesOut = encoded ? c.outputBytes() : 0;
        row.bytesInEncoded = encoded ? in.length : 0;
        if (encoded && theirs != null && theirs.ok()) {
            row.both = 1;
            row.bothMegapixels = mp;
            row.oursSeconds = best.wallSeconds();
            row.oursCpuSeconds = best.cpuSeconds();
            row.oursBytes = c.outputBytes();
            row.cwebpDecodeSeconds = theirs.decodeSeconds();
            row.cwebpEncodeSeconds = theirs.encodeSeconds();
            row.cwebpCpuSeconds = theirs.cpuSeconds();
            row.cwebpBytes = theirs.outputBytes();
        }
        return row;
    }

    private static void print(Map<String, Row> rows, int quality, int method, int runs, Optional<Cwebp> cwebp) {
        System.out.printf(Locale.ROOT, "%nrestow codec benchmark: quality %d, method %d, single thread, best of %d,"
                + " Java %s, %s%n", quality, method, runs, System.getProperty("java.version"),
                cwebp.map(c -> "cwebp " + c.version()).orElse("cwebp not installed (Debian package webp)"));
        System.out.println("ours: dec = header checks + decode + colour + orientation, enc = libwebp (wall, best run)."
                + " ref = files never encoded (skipped/rejected before encoding).");
        System.out.println("both = files cwebp also handles; cw = cwebp's own -v read+encode times; cpu = thread CPU"
                + " (ours) and process user+sys CPU (cwebp).");
        String head = String.format(Locale.ROOT, "%-22s %5s %3s %7s %7s %7s %6s %10s %9s %6s | %4s %7s %7s %6s %7s %7s"
                + " %6s %6s", "category", "files", "ref", "MP", "dec s", "enc s", "MP/s", "bytes in", "bytes out",
                "out/in", "both", "ours s", "cw s", "speed", "ours cpu", "cw cpu", "cpu sp", "bytes");
        System.out.println(head);
        System.out.println("-".repeat(head.length()));
        Row total = new Row();
        rows.forEach((category, row) -> {
            total.add(row);
            line(category, row);
        });
        System.out.println("-".repeat(head.length()));
        line("TOTAL", total);
        System.out.println("speed = our MP/s / cwebp's MP/s on the files both handle (wall; cpu sp in CPU time);"
                + " bytes = our WebP bytes / cwebp's on those files. Targets: speed >= 0.90, bytes <= 1.01.");
    }

    private static void line(String name, Row r) {
        double secs = r.decodeSeconds + r.encodeSeconds;
        double cw = r.cwebpDecodeSeconds + r.cwebpEncodeSeconds;
        String both = r.both == 0 ? String.format(Locale.ROOT, "| %4d", 0)
                : String.format(Locale.ROOT, "| %4d %7.3f %7.3f %6.3f %7.3f %7.3f %6.3f %6.3f", r.both, r.oursSeconds,
                        cw, cw / Math.max(1e-9, r.oursSeconds), r.oursCpuSeconds, r.cwebpCpuSeconds,
                        r.cwebpCpuSeconds / Math.max(1e-9, r.oursCpuSeconds),
                        (double) r.oursBytes / Math.max(1, r.cwebpBytes));
        System.out.printf(Locale.ROOT, "%-22s %5d %3d %7.2f %7.3f %7.3f %6.2f %10d %9d %6.3f %s%n", name, r.files,
                r.refused, r.megapixels, r.decodeSeconds, r.encodeSeconds, r.megapixels / Math.max(1e-9, secs),
                r.bytesIn, r.bytesOut, r.bytesOut == 0 ? 0.0 : (double) r.bytesOut / Math.max(1, r.bytesInEncoded),
                both);
    }
}
