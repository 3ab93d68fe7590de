package dev.restow.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.restow.image.internal.Header;
import dev.restow.image.internal.HeaderParser;
import dev.restow.image.internal.Icc;
import dev.restow.local.Corpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the corpus (../shared/corpus/MANIFEST.tsv) gets the outcome its category calls for (issue 5), with
 * the right dimensions, upright pixels, sRGB colours matching LittleCMS, and transparency kept.
 */
class ImageCodecConformanceTest {

    private static final Pattern ORIENTATION = Pattern.compile("exif_orientation=(\\d)");
    /** Categories whose files must be converted, or left alone for lack of savings. */
    private static final List<String> CONVERTIBLE = List.of("camera-jpeg", "progressive-jpeg", "grayscale", "png-rgb",
            "png-palette", "png-16bit", "bmp", "tiff", "gif-static", "jpeg-lossless-sof3", "jpeg-gainmap-mpo",
            "exif-orientation-jpeg", "icc-jpeg", "icc-png", "cmyk-jpeg", "png-alpha");
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("gif-animated", "skipped:animated"),
            Map.entry("apng", "skipped:animated"),
            Map.entry("webp-lossy", "skipped:already-webp"),
            Map.entry("webp-lossless", "skipped:already-webp"),
            Map.entry("webp-animated", "skipped:already-webp"),
            Map.entry("svg", "skipped:unsupported-format:svg"),
            Map.entry("jpeg2000", "skipped:unsupported-format:jp2"),
            Map.entry("text-as-jpg", "rejected:not-an-image"),
            Map.entry("zero-byte", "rejected:not-an-image"),
            Map.entry("truncated-corrupt-jpeg", "rejected:corrupt"),
            Map.entry("truncated-corrupt-png", "rejected:corrupt"),
            Map.entry("decompression-bomb", "rejected:too-many-pixels"));

    /**
     * Default options but libwebp method 4: every check here is about decoding, colour, orientation and outcomes,
     * which the method does not touch; method 6 only spends 2.4x the encoding time for a few percent fewer bytes
     * (measured by CodecBenchmark), and the suite must stay fast.
     */
    private static final ImageCodec CODEC = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4));
    private static final Map<String, Conversion> RESULTS = new ConcurrentHashMap<>();
    private static Corpus corpus;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void locateCorpus() {
        corpus = Corpus.requireOrSkip(Assumptions::abort);
    }

    private static Conversion convert(Corpus.Entry e) {
        return RESULTS.computeIfAbsent(e.file(), f -> CODEC.convert(bytes(e)));
    }

    private static byte[] bytes(Corpus.Entry e) {
        try {
            return Files.readAllBytes(e.path());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static int orientation(Corpus.Entry e) {
        Matcher m = ORIENTATION.matcher(e.notes());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static BufferedImage webpPixels(Conversion c) {
        return Pixels.read(c.webp().orElseThrow());
    }

    @TestFactory
    Stream<DynamicTest> convert_should_giveEachCorpusFileItsCategorysOutcome() {
        return corpus.entries().stream().map(e -> dynamicTest(e.category() + " " + e.file(), () -> {
            String outcome = convert(e).outcome().toString();
            if (CONVERTIBLE.contains(e.category())) {
                assertThat(outcome).as(e.file()).isIn("converted", "skipped:no-savings");
            } else if (e.category().equals("avif-heic")) {
                assertThat(outcome).as(e.file()).isIn("skipped:unsupported-format:avif", "skipped:unsupported-format:heic");
            } else {
                assertThat(FIXED).as("expected outcome for category " + e.category()).containsKey(e.category());
                assertThat(outcome).as(e.file()).isEqualTo(FIXED.get(e.category()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> convert_should_keepDimensionsAfterOrientation_when_fileIsDecoded() {
        return corpus.entries().stream().filter(e -> CONVERTIBLE.contains(e.category()))
                .map(e -> dynamicTest(e.file() + " " + e.width() + "x" + e.height(), () -> {
                    Conversion c = convert(e);
                    boolean swap = orientation(e) >= 5;
                    assertThat(c.width()).as("width").isEqualTo(swap ? e.height() : e.width());
                    assertThat(c.height()).as("height").isEqualTo(swap ? e.width() : e.height());
                    if (c.webp().isPresent()) {
                        BufferedImage out = webpPixels(c);
                        assertThat(out.getWidth()).as("webp width").isEqualTo(c.width());
                        assertThat(out.getHeight()).as("webp height").isEqualTo(c.height());
                    } else {
                        assertThat(c.outputBytes()).as("no-savings still reports the WebP size").isPositive();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> convert_should_turnPixelsUpright_when_exifOrientationIsSet() {
        return corpus.byCategory("exif-orientation-jpeg").stream().map(e -> dynamicTest(e.file(), () -> {
            int expected = orientation(e);
            BufferedImage raw = Pixels.read(bytes(e)); // the readers ignore EXIF: stored orientation
            BufferedImage out = webpPixels(convert(e));
            double best = Double.MAX_VALUE;
            int bestOrientation = 0;
            double atExpected = Double.NaN;
            for (int o = 1; o <= 8; o++) {
                BufferedImage candidate = Pixels.upright(raw, o);
                if (candidate.getWidth() != out.getWidth() || candidate.getHeight() != out.getHeight()) {
                    continue;
                }
                double d = Pixels.meanAbs(candidate, out);
                if (o == expected) {
                    atExpected = d;
                }
                if (d < best) {
                    best = d;
                    bestOrientation = o;
                }
            }
            assertThat(bestOrientation).as("orientation whose upright picture the WebP matches best").isEqualTo(expected);
            assertThat(atExpected).as("mean |difference| to the upright picture").isLessThan(8.0);
        }));
    }

    @TestFactory
    Stream<DynamicTest> convert_should_keepTransparency_when_sourceHasAlpha() {
        return corpus.entries().stream().filter(e -> CONVERTIBLE.contains(e.category()))
                .filter(e -> e.notes().contains("mode=RGBA") || e.notes().contains("mode=LA"))
                .map(e -> dynamicTest(e.file(), () -> {
                    BufferedImage src = Pixels.read(bytes(e));
                    Conversion c = convert(e);
                    assertThat(c.webp()).as("converted").isPresent();
                    BufferedImage out = webpPixels(c);
                    long transparent = 0;
                    long leaked = 0;
                    double alphaError = 0;
                    int w = src.getWidth();
                    int[] sr = new int[w];
                    int[] or = new int[w];
                    for (int y = 0; y < src.getHeight(); y++) {
                        src.getRGB(0, y, w, 1, sr, 0, w);
                        out.getRGB(0, y, w, 1, or, 0, w);
                        for (int x = 0; x < w; x++) {
                            int a = sr[x] >>> 24;
                            int b = or[x] >>> 24;
                            alphaError += Math.abs(a - b);
                            if (a == 0) {
                                transparent++;
                                if (b != 0) {
                                    leaked++;
                                }
                            }
                        }
                    }
                    assertThat(leaked).as("of " + transparent + " fully transparent pixels, not transparent").isZero();
                    assertThat(alphaError / ((double) src.getWidth() * src.getHeight())).as("mean |alpha error|")
                            .isLessThanOrEqualTo(1.0);
                }));
    }

    /** Files whose colours are checked against LittleCMS: ICC-tagged JPEG/PNG, CMYK JPEG and CMYK TIFF. */
    private static List<Corpus.Entry> colourFiles() {
        List<Corpus.Entry> out = new ArrayList<>();
        for (Corpus.Entry e : corpus.entries()) {
            boolean cmykTiff = e.category().equals("tiff") && e.notes().contains("mode=CMYK");
            if (List.of("icc-jpeg", "icc-png", "cmyk-jpeg").contains(e.category()) || cmykTiff) {
                out.add(e);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> convert_should_matchLittleCmsSrgb_when_imageCarriesAProfileOrIsCmyk() {
        return colourFiles().stream().map(e -> dynamicTest(e.file(), () -> {
            BufferedImage reference = littleCmsReference(e);
            Conversion c = convert(e);
            assertThat(c.webp()).as("converted").isPresent();
            double[][] d = Pixels.diff(reference, webpPixels(c));
            assertThat(Pixels.maxAbs(d[0])).as("largest mean per-channel difference (signed, /255) R G B "
                    + fmt(d[0]) + ", mean |diff| " + fmt(d[1])).isLessThanOrEqualTo(3.0);
        }));
    }

    @TestFactory
    Stream<DynamicTest> decode_should_matchLittleCmsSrgbPixelForPixel_when_imageCarriesAProfileOrIsCmyk() {
        return colourFiles().stream().map(e -> dynamicTest(e.file(), () -> {
            BufferedImage reference = littleCmsReference(e);
            byte[] in = bytes(e);
            Header header = HeaderParser.parse(ImageFormat.sniff(in), in);
            BufferedImage ours = dev.restow.image.internal.Pipeline.decode(header, in);
            double[][] d = Pixels.diff(reference, ours);
            assertThat(Pixels.maxAbs(d[1])).as("largest mean |difference| (/255) before WebP encoding, R G B "
                    + fmt(d[1])).isLessThanOrEqualTo(3.0);
        }));
    }

    private static String fmt(double[] v) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", v[0], v[1], v[2]);
    }

    /** LittleCMS's own sRGB rendering of the file (perceptual intent, its tools' default). */
    private static BufferedImage littleCmsReference(Corpus.Entry e) throws Exception {
        byte[] in = bytes(e);
        ImageFormat f = ImageFormat.sniff(in);
        Path out = tmp.resolve(e.file() + ".ref." + (f == ImageFormat.TIFF ? "tif" : "jpg"));
        switch (f) {
            case JPEG -> {
                Path jpgicc = ReferenceTools.require("jpgicc", "liblcms2-utils");
                List<String> cmd = new ArrayList<>(List.of(jpgicc.toString(), "-q100"));
                if (!e.notes().contains("icc=")) {
                    // no embedded profile: CMYK is U.S. Web Coated (SWOP) v2, as editors assume
                    Path swop = tmp.resolve("swop.icc");
                    Files.write(swop, Icc.defaultCmykProfile().orElseThrow());
                    cmd.add("-i" + swop);
                }
                cmd.add(e.path().toString());
                cmd.add(out.toString());
                ReferenceTools.run(cmd, null);
                return Pixels.read(Files.readAllBytes(out));
            }
            case TIFF -> {
                Path tificc = ReferenceTools.require("tificc", "liblcms2-utils");
                ReferenceTools.run(List.of(tificc.toString(), e.path().toString(), out.toString()), null);
                return Pixels.read(Files.readAllBytes(out));
            }
            case PNG -> {
                return pngReference(e, in);
            }
            default -> throw new IllegalStateException("no reference for " + f);
        }
    }

    /** transicc's floating-point output clamped to 0..255, as an 8-bit transform does. */
    private static int clamp(String v) {
        return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(v))));
    }

    /** transicc over every pixel of a PNG, from its iCCP profile to sRGB; alpha copied. */
    private static BufferedImage pngReference(Corpus.Entry e, byte[] in) throws Exception {
        Path transicc = ReferenceTools.require("transicc", "liblcms2-utils");
        Header header = HeaderParser.parse(ImageFormat.PNG, in);
        Path profile = tmp.resolve(e.file() + ".icc");
        Files.write(profile, header.iccProfile());
        BufferedImage raw = Pixels.read(in); // the JDK's PNG reader leaves iCCP unapplied
        int w = raw.getWidth();
        int h = raw.getHeight();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = raw.getRGB(x, y);
                sb.append((p >> 16) & 0xFF).append(' ').append((p >> 8) & 0xFF).append(' ').append(p & 0xFF).append('\n');
            }
        }
        String[] lines = ReferenceTools.run(List.of(transicc.toString(), "-n", "-t0", "-i" + profile, "-o*sRGB"),
                sb.toString()).trim().split("\n");
        BufferedImage ref = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < w * h; i++) {
            String[] v = lines[i].trim().split("\\s+");
            int r = clamp(v[0]);
            int g = clamp(v[1]);
            int b = clamp(v[2]);
            int a = raw.getRGB(i % w, i / w) >>> 24;
            ref.setRGB(i % w, i / w, a << 24 | r << 16 | g << 8 | b);
        }
        return ref;
    }
}
