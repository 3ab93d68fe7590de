package dev.restow.bench.media;

import dev.restow.image.CodecOptions;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Command-line options of {@code MediaPipelineBenchmark}.
 *
 * @param images     images in the measured run; empty: four times each distinct image
 * @param warmup     images in the warm-up run (not reported)
 * @param workers    concurrent image-function "containers", each with its own handler, pool and clients
 * @param batch      SQS batch size (1..10, the event source's BatchSize)
 * @param method     WebP method (WEBP_METHOD); empty: the configuration's default
 * @param quality    WebP quality (WEBP_QUALITY); empty: the configuration's default
 * @param generated  use generated images even when the corpus is present
 * @param sampleMs   stack-sampling interval for the decode/encode split
 */
public record Options(OptionalInt images, int warmup, int workers, int batch, OptionalInt method, OptionalInt quality,
                      boolean generated, double sampleMs) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: MediaPipelineBenchmark [--images N] [--warmup N] [--workers N] [--batch N] [--method M]",
            "                              [--quality Q] [--generated] [--sample-ms X]",
            "  --images N     images in the measured run (default: each distinct image 4 times)",
            "  --warmup N     images in the warm-up run (the smaller half), not reported (default 10; 0: none)",
            "  --workers N    concurrent image functions, each with its own handler, pool and clients (default 1)",
            "  --batch N      messages per SQS event, 1..10 (default 10)",
            "  --method M     WebP method 0..6 (default: WEBP_METHOD's default, " + CodecOptions.DEFAULTS.method() + ")",
            "  --quality Q    WebP quality 0..100 (default: WEBP_QUALITY's default, " + CodecOptions.DEFAULTS.quality()
                    + ")",
            "  --generated    generated photo-like images even when the corpus is present",
            "  --sample-ms X  stack-sampling interval for the decode/encode split (default 2)",
            "  corpus: -Drestow.corpus=<dir> (default ../shared/corpus); its camera-jpeg, png-rgb and png-alpha files");

    /**
     * @throws IllegalArgumentException naming the bad option
     */
    public static Options parse(String... args) {
        OptionalInt images = OptionalInt.empty();
        int warmup = 10;
        int workers = 1;
        int batch = 10;
        OptionalInt method = OptionalInt.empty();
        OptionalInt quality = OptionalInt.empty();
        boolean generated = false;
        double sampleMs = 2.0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--images" -> images = OptionalInt.of(integer(a, value(args, ++i, a), 1, 1_000_000));
                case "--warmup" -> warmup = integer(a, value(args, ++i, a), 0, 10_000);
                case "--workers" -> workers = integer(a, value(args, ++i, a), 1, 64);
                case "--batch" -> batch = integer(a, value(args, ++i, a), 1, 10);
                case "--method" -> method = OptionalInt.of(integer(a, value(args, ++i, a), 0, 6));
                case "--quality" -> quality = OptionalInt.of(integer(a, value(args, ++i, a), 0, 100));
                case "--generated" -> generated = true;
                case "--sample-ms" -> {
                    String v = value(args, ++i, a);
                    try {
                        sampleMs = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + ": '" + v + "' is not a number");
                    }
                    if (!(sampleMs >= 0.1 && sampleMs <= 1000)) {
                        throw new IllegalArgumentException(a + ": must be between 0.1 and 1000");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new Options(images, warmup, workers, batch, method, quality, generated, sampleMs);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String option, String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not an integer");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d is outside %d..%d", option, n, min,
                    max));
        }
        return n;
    }
}
