package dev.restow.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pixel comparisons for the tests, in 0..255 units per channel. */
final class Pixels {

    private Pixels() {
    }

    /**
     * Decodes with ImageIO. WebP always goes through libwebp (webp-imageio's reader), the reference decoder:
     * TwelveMonkeys' pure-Java WebP reader upsamples chroma differently, and which of the two ImageIO picks first
     * is not fixed.
     */
    static BufferedImage read(byte[] bytes) {
        try {
            if (ImageFormat.sniff(bytes) == ImageFormat.WEBP) {
                return readWebp(bytes);
            }
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalStateException("no ImageIO reader for " + ImageFormat.sniff(bytes));
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage readWebp(byte[] bytes) throws IOException {
        for (var it = ImageIO.getImageReadersByMIMEType("image/webp"); it.hasNext(); ) {
            javax.imageio.ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.luciad.")) {
                try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                    r.setInput(in);
                    return r.read(0);
                } finally {
                    r.dispose();
                }
            }
        }
        throw new IllegalStateException("webp-imageio's reader is not registered");
    }

    /**
     * Per-channel differences between two same-sized images over the pixels opaque in {@code a} (alpha 255):
     * [mean R, mean G, mean B] signed (b - a) and [mean |R|, |G|, |B|].
     */
    static double[][] diff(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " vs "
                    + b.getWidth() + "x" + b.getHeight());
        }
        int w = a.getWidth();
        int h = a.getHeight();
        int[] ra = new int[w];
        int[] rb = new int[w];
        double[] signed = new double[3];
        double[] abs = new double[3];
        long n = 0;
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            b.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                if ((ra[x] >>> 24) != 255) {
                    continue;
                }
                n++;
                for (int c = 0; c < 3; c++) {
                    int d = ((rb[x] >> (16 - 8 * c)) & 0xFF) - ((ra[x] >> (16 - 8 * c)) & 0xFF);
                    signed[c] += d;
                    abs[c] += Math.abs(d);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            signed[c] /= Math.max(1, n);
            abs[c] /= Math.max(1, n);
        }
        return new double[][] {signed, abs};
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    /** Mean absolute difference over all channels, all pixels (alpha ignored). */
    static double meanAbs(BufferedImage a, BufferedImage b) {
        double[] abs = diff(opaque(a), b)[1];
        return (abs[0] + abs[1] + abs[2]) / 3;
    }

    private static BufferedImage opaque(BufferedImage a) {
        if (!a.getColorModel().hasAlpha()) {
            return a;
        }
        BufferedImage o = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int w = a.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] |= 0xFF000000;
            }
            o.setRGB(0, y, w, 1, row, 0, w);
        }
        return o;
    }

    /** ARGB pixels of an image, row-major, with its size. */
    record Argb(int[] px, int w, int h) {
        static Argb of(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            return new Argb(img.getRGB(0, 0, w, h, null, 0, w), w, h);
        }

        BufferedImage image() {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            img.setRGB(0, 0, w, h, px, 0, w);
            return img;
        }
    }

    static Argb rotateClockwise(Argb s) {
        int[] d = new int[s.px.length];
        for (int y = 0; y < s.h; y++) {
            for (int x = 0; x < s.w; x++) {
                d[x * s.h + (s.h - 1 - y)] = s.px[y * s.w + x];
            }
        }
        return new Argb(d, s.h, s.w);
    }

    static Argb flipHorizontal(Argb s) {
        int[] d = new int[s.px.length];
        for (int y = 0; y < s.h; y++) {
            for (int x = 0; x < s.w; x++) {
                d[y * s.w + (s.w - 1 - x)] = s.px[y * s.w + x];
            }
        }
        return new Argb(d, s.w, s.h);
    }

    /** The picture as EXIF orientation {@code o} says to show it, built from rotations and mirrors. */
    static BufferedImage upright(BufferedImage img, int o) {
        Argb s = Argb.of(img);
        Argb u = switch (o) {
            case 2 -> flipHorizontal(s);
            case 3 -> rotateClockwise(rotateClockwise(s));
            case 4 -> flipHorizontal(rotateClockwise(rotateClockwise(s)));
            case 5 -> flipHorizontal(rotateClockwise(s));
            case 6 -> rotateClockwise(s);
            case 7 -> flipHorizontal(rotateClockwise(rotateClockwise(rotateClockwise(s))));
            case 8 -> rotateClockwise(rotateClockwise(rotateClockwise(s)));
            default -> s;
        };
        return u.image();
    }
}
