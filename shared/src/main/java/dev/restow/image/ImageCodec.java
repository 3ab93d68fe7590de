package dev.restow.image;

import dev.restow.image.internal.Header;
import dev.restow.image.internal.HeaderParser;
import dev.restow.image.internal.ImageProblem;
import dev.restow.image.internal.Metadata;
import dev.restow.image.internal.Pipeline;
import dev.restow.image.internal.Sniffer;
import dev.restow.image.internal.WebpEncoder;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts one image to WebP, or says why not, in the project's outcome vocabulary.
 *
 * <p>Per image: the format is sniffed from the bytes; the header is read and checked (declared pixels against
 * {@link CodecOptions#maxPixels()}, frames, container structure) before any pixel is decoded; then the primary
 * image is decoded, converted to 8-bit sRGB (ICC profiles and CMYK applied), turned upright (EXIF orientation),
 * encoded by libwebp and kept only when it is at least {@link CodecOptions#minSavings()} smaller. When the lossy
 * WebP misses that margin and the source is a lossless format (PNG, static GIF, BMP, TIFF) of at most
 * {@link #LOSSLESS_MAX_PIXELS} pixels, lossless WebP is tried too and the smaller of the two kept (graphics, line art
 * and 1-bit scans, where lossy WebP is often larger than the original). What happens to each kind of file is in
 * docs/codec.md.
 *
 * <p>Thread-safe: create one per container and share it.
 */
public final class ImageCodec {

    private static final Logger LOG = LoggerFactory.getLogger(ImageCodec.class);

    /**
     * Largest image (pixels after decoding) for which lossless WebP is tried after a lossy WebP without enough
     * savings: 10 MP, so a page scanned at 300 dpi (A4 2480x3508, 8.7 MP; the corpus's CCITT fax page is 8.0 MP)
     * still gets it. On line art and scans libwebp's lossless encoder is fast (0.13 s for that fax page at method
     * 6), but on photo-like noise at method 6 it measured 24 s and +335 MB of native memory (RSS) at 10 MP, about
     * ten times the lossy encode; the bound caps that worst case there, within the Lambda's timeout and memory (see
     * docs/codec.md). Photo-like PNGs practically never miss the lossy margin, so they rarely pay it at all.
     */
    public static final long LOSSLESS_MAX_PIXELS = 10_000_000L;

    /**
     * libwebp's lossless "quality": effort spent searching for a smaller encoding (no pixel is lost at any value);
     * 75 is cwebp's default for {@code -lossless}.
     */
    public static final int LOSSLESS_EFFORT = 75;

    private final CodecOptions options;

    public ImageCodec(CodecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public CodecOptions options() {
        return options;
    }

    /**
     * Converts {@code input} to WebP. Never throws for bad input: every input gets a Conversion;
     * {@code failed:<reason>} only for internal trouble (out of memory, a broken native encoder).
     */
    public Conversion convert(byte[] input) {
        byte[] in = input == null ? new byte[0] : input;
        ImageFormat format = Sniffer.sniff(in);
        Conversion.Builder result = Conversion.builder(format, in.length);
        long t0 = System.nanoTime();
        try {
            if (format == ImageFormat.UNKNOWN) {
                Optional<String> other = Sniffer.otherImageFormat(in);
                return result.build(other.isPresent()
                        ? Outcome.skipped(Reasons.unsupportedFormat(other.get()))
                        : Outcome.rejected(Reasons.NOT_AN_IMAGE));
            }
            Header header = HeaderParser.parse(format, in);
            if (header.maxPixels() > options.maxPixels()) {
                LOG.debug("refused {} declaring {}x{} ({} pixels at most in a part) over the limit {}", format.label(),
                        header.width(), header.height(), header.maxPixels(), options.maxPixels());
                return result.build(Outcome.rejected(Reasons.TOO_MANY_PIXELS));
            }
            switch (format) {
                case WEBP -> {
                    return result.build(Outcome.skipped(Reasons.ALREADY_WEBP));
                }
                case AVIF, HEIC, SVG, JP2 -> {
                    return result.build(Outcome.skipped(Reasons.unsupportedFormat(format.label())));
                }
                default -> {
                }
            }
            if (header.defect() != null) {
                throw ImageProblem.corrupt(header.defect());
            }
            if (header.animated()) {
                return result.build(Outcome.skipped(Reasons.ANIMATED));
            }
            BufferedImage pixels = Pipeline.decode(header, in);
            long t1 = System.nanoTime();
            result.decodeNanos(t1 - t0).size(pixels.getWidth(), pixels.getHeight());
            long limit = (long) Math.floor(in.length * (1.0 - options.minSavings()));
            Metadata metadata = options.keepMetadata() ? Metadata.read(format, in) : null;
            byte[] webp = withMetadata(WebpEncoder.encode(pixels, options.quality(), options.method()), metadata,
                    pixels);
            if (webp.length > limit && tryLossless(format, pixels)) {
                byte[] lossless = withMetadata(WebpEncoder.encodeLossless(pixels, LOSSLESS_EFFORT, options.method()),
                        metadata, pixels);
                LOG.debug("{} {}x{}: lossy WebP {} bytes over the limit {}; lossless {} bytes", format.label(),
                        pixels.getWidth(), pixels.getHeight(), webp.length, limit, lossless.length);
                if (lossless.length < webp.length) {
                    webp = lossless;
                }
            }
            result.encodeNanos(System.nanoTime() - t1).output(webp);
            if (webp.length > limit) {
                return result.build(Outcome.skipped(Reasons.NO_SAVINGS));
            }
            return result.build(Outcome.converted());
        } catch (ImageProblem p) {
            LOG.debug("{} image: {} ({})", format.label(), p.outcome(), p.getMessage());
            return result.decodeNanos(System.nanoTime() - t0).build(p.outcome());
        } catch (OutOfMemoryError e) {
            LOG.warn("out of memory converting a {} image of {} bytes", format.label(), in.length);
            return result.build(Outcome.failed(Reasons.INTERNAL));
        } catch (Exception | LinkageError e) {
            LOG.warn("internal error converting a {} image of {} bytes", format.label(), in.length, e);
            return result.build(Outcome.failed(Reasons.INTERNAL));
        }
    }

    /** Lossless WebP is worth a try only for sources that were lossless themselves, and not too large. */
    private static boolean tryLossless(ImageFormat format, BufferedImage pixels) {
        boolean losslessSource = switch (format) {
            case PNG, GIF, BMP, TIFF -> true;
            default -> false;
        };
        return losslessSource && (long) pixels.getWidth() * pixels.getHeight() <= LOSSLESS_MAX_PIXELS;
    }

    private static byte[] withMetadata(byte[] webp, Metadata metadata, BufferedImage pixels) {
        return metadata == null ? webp : metadata.addTo(webp, pixels.getWidth(), pixels.getHeight());
    }
}
