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
 * encoded by libwebp and kept only when it is at least {@link CodecOptions#minSavings()} smaller. What happens to
 * each kind of file is in docs/codec.md.
 *
 * <p>Thread-safe: create one per container and share it.
 */
public final class ImageCodec {

    private static final Logger LOG = LoggerFactory.getLogger(ImageCodec.class);

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
            byte[] webp = WebpEncoder.encode(pixels, options.quality(), options.method());
            if (options.keepMetadata()) {
                webp = Metadata.read(format, in).addTo(webp, pixels.getWidth(), pixels.getHeight());
            }
            result.encodeNanos(System.nanoTime() - t1).output(webp);
            long limit = (long) Math.floor(in.length * (1.0 - options.minSavings()));
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
}
