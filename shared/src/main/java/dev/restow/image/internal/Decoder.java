package dev.restow.image.internal;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.restow.image.ImageFormat;
import dev.restow.outcome.Reasons;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the first (primary) image of a file with the ImageIO readers (TwelveMonkeys for JPEG and TIFF, the JDK
 * for PNG, GIF and BMP), turning every decoder complaint into an {@link ImageProblem}: a reader that "succeeds" on
 * truncated data with only a warning yields {@code rejected:corrupt}, never a half-grey image.
 */
public final class Decoder {

    private static final Logger LOG = LoggerFactory.getLogger(Decoder.class);

    /** Words in a decoder warning that mean the pixels are damaged or incomplete. */
    private static final List<String> DAMAGE = List.of("corrupt", "premature", "truncat", "missing eoi",
            "invalid sos", "bad huffman", "inconsistent progression", "not defined", "instead of rst",
            "end of file", "end of stream", "unexpected end");

    private Decoder() {
    }

    /** Decodes image 0 of {@code data}, which has been sniffed as {@code format} and whose header was checked. */
    public static BufferedImage decode(ImageFormat format, byte[] data) throws ImageProblem {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>(2);
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            BufferedImage img = reader.read(0, param);
            for (String w : warnings) {
                if (!isBenign(w)) {
                    throw ImageProblem.corrupt(format.label() + " decoder: " + w);
                }
            }
            if (!warnings.isEmpty()) {
                LOG.debug("benign decoder warnings for {}: {}", format.label(), warnings);
            }
            return img;
        } catch (ImageProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("unsupported") || msg.contains("not supported")) {
                throw ImageProblem.skipped(Reasons.unsupportedFormat(format.label()),
                        format.label() + " decoder: " + e.getMessage());
            }
            throw ImageProblem.rejected(Reasons.CORRUPT, format.label() + " decoder: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /** Whether a decoder warning leaves the pixels intact (ICC notes, extraneous bytes before a marker...). */
    static boolean isBenign(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("extraneous bytes")) {
            return true;
        }
        for (String d : DAMAGE) {
            if (w.contains(d)) {
                return false;
            }
        }
        return true;
    }

    private static ImageReader reader(ImageFormat format) throws ImageProblem {
        String name = switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case BMP -> "bmp";
            case TIFF -> "tiff";
            default -> throw ImageProblem.skipped(Reasons.unsupportedFormat(format.label()), "no decoder");
        };
        boolean preferTwelveMonkeys = format == ImageFormat.JPEG || format == ImageFormat.TIFF;
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(name); it.hasNext(); ) {
            ImageReader r = it.next();
            boolean tm = r.getClass().getName().startsWith("com.twelvemonkeys.");
            if (chosen == null || (preferTwelveMonkeys && tm)) {
                chosen = r;
                if (!preferTwelveMonkeys || tm) {
                    break;
                }
            }
        }
        if (chosen == null) {
            throw ImageProblem.skipped(Reasons.unsupportedFormat(format.label()), "no ImageIO reader for " + name);
        }
        if (preferTwelveMonkeys && !chosen.getClass().getName().startsWith("com.twelvemonkeys.")) {
            LOG.warn("TwelveMonkeys {} reader not registered; using {}", name, chosen.getClass().getName());
        }
        return chosen;
    }
}
