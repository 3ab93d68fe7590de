package dev.restow.cli.report;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small PNG renderings of images for the HTML report, and data: URIs to embed them. */
public final class Thumbnails {

    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    private Thumbnails() {
    }

    /**
     * Renders {@code image} (any format ImageIO reads here: JPEG incl. CMYK, PNG, GIF, BMP, TIFF, WebP) to a PNG whose
     * longer side is at most {@code maxSide}, turned upright by its EXIF orientation (JPEG) so that it compares with the
     * WebP. Transparency is kept.
     *
     * @return the PNG, or empty when the image cannot be decoded here
     */
    public static Optional<byte[]> png(byte[] image, int maxSide) {
        try {
            Optional<BufferedImage> decoded = decode(image, maxSide);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage upright = orient(decoded.get(), orientation(image));
            BufferedImage small = scale(upright, maxSide);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(small, "png", out)) {
                return Optional.empty();
            }
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            LOG.debug("no thumbnail: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Width and height of an image from its header, when ImageIO can read it. */
    public static Optional<int[]> size(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return Optional.of(new int[]{reader.getWidth(0), reader.getHeight(0)});
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no size: {}", e.toString());
        }
        return Optional.empty();
    }

    /** A {@code data:} URI holding {@code bytes}. */
    public static String dataUri(String mimeType, byte[] bytes) {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static Optional<BufferedImage> decode(byte[] image, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    in.seek(0);
                    reader.setInput(in, true, true);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    if ((long) w * h > 100_000_000L) {
                        return Optional.empty();
                    }
                    ImageReadParam param = reader.getDefaultReadParam();
                    int step = Math.max(1, Math.max(w, h) / (maxSide * 2));
                    param.setSourceSubsampling(step, step, 0, 0);
                    BufferedImage img = reader.read(0, param);
                    if (img != null) {
                        return Optional.of(img);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{} could not read: {}", reader.getClass().getSimpleName(), e.toString());
                } finally {
                    reader.dispose();
                }
            }
            return Optional.empty();
        }
    }

    /** EXIF orientation 1..8 of a JPEG; 1 for anything else or when absent. */
    static int orientation(byte[] image) {
        if (image.length < 4 || (image[0] & 0xff) != 0xFF || (image[1] & 0xff) != 0xD8) {
            return 1;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            try (InputStream data = exif.get(0).data()) {
                if (data.read() < 0) { // pad byte after the "Exif" identifier
                    return 1;
                }
                Directory tiff = new TIFFReader().read(ImageIO.createImageInputStream(data));
                Entry entry = tiff.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no EXIF orientation: {}", e.toString());
        }
        return 1;
    }

    /** Applies an EXIF orientation (1..8) so that the image stands as its viewer expects. */
    static BufferedImage orient(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.translate(h, w); t.scale(-1, -1); t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        double f = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * f));
        int th = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setBackground(new Color(0, 0, 0, 0));
        g.drawImage(img, 0, 0, tw, th, null);
        g.dispose();
        return out;
    }
}
