package dev.restow.image.internal;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns any decoded image into 8-bit sRGB pixels, R G B (A) interleaved, non-premultiplied, upright (EXIF
 * orientation applied): the layout the WebP encoder reads without another conversion.
 */
public final class SrgbPixels {

    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);

    private SrgbPixels() {
    }

    /**
     * Normalises {@code img}.
     *
     * @param img         the decoded image (may be modified: premultiplied alpha is divided out in place)
     * @param orientation EXIF orientation 1..8 to apply
     * @param profile     an ICC profile the pixels are really in although the decoder did not apply it (PNG iCCP),
     *                    or null
     */
    public static BufferedImage normalize(BufferedImage img, int orientation, byte[] profile) {
        if (img.isAlphaPremultiplied()) {
            img.coerceData(false);
        }
        ColorModel cm = img.getColorModel();
        ColorSpace cs = cm.getColorSpace();
        boolean alpha = cm.hasAlpha();
        boolean srgbLike = Icc.isSrgbLike(cs);
        if (profile == null && orientation == 1 && srgbLike
                && (img.getType() == BufferedImage.TYPE_3BYTE_BGR || img.getType() == BufferedImage.TYPE_4BYTE_ABGR)) {
            return wrap(img.getRaster(), alpha); // already in a layout the encoder reads: no copy
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int ch = alpha ? 4 : 3;
        RowSource src = rowSource(img, cm, cs, srgbLike, ch);
        boolean swap = orientation >= 5;
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(dw, dh), ch)];
        byte[] row = new byte[w * ch];
        for (int y = 0; y < h; y++) {
            src.row(y, row);
            place(row, out, y, w, h, ch, orientation);
        }
        WritableRaster raster = raster(out, dw, dh, ch);
        if (profile != null) {
            applyProfile(raster, ch, profile);
        }
        return wrap(raster, alpha);
    }

    /** Places {@code frame} (already normalised) at (x, y) on a transparent canvas of the given size. */
    public static BufferedImage onCanvas(BufferedImage frame, int canvasW, int canvasH, int x, int y) {
        if (frame.getWidth() == canvasW && frame.getHeight() == canvasH && x == 0 && y == 0) {
            return frame;
        }
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(canvasW, canvasH), 4)];
        Raster fr = frame.getRaster();
        boolean fa = frame.getColorModel().hasAlpha();
        int fw = frame.getWidth();
        int[] px = new int[fw * (fa ? 4 : 3)];
        for (int fy = 0; fy < frame.getHeight(); fy++) {
            int cy = fy + y;
            if (cy < 0 || cy >= canvasH) {
                continue;
            }
            fr.getPixels(0, fy, fw, 1, px);
            for (int fx = 0; fx < fw; fx++) {
                int cx = fx + x;
                if (cx < 0 || cx >= canvasW) {
                    continue;
                }
                int o = (cy * canvasW + cx) * 4;
                int i = fx * (fa ? 4 : 3);
                out[o] = (byte) px[i];
                out[o + 1] = (byte) px[i + 1];
                out[o + 2] = (byte) px[i + 2];
                out[o + 3] = (byte) (fa ? px[i + 3] : 255);
            }
        }
        return wrap(raster(out, canvasW, canvasH, 4), true);
    }

    // ------------------------------------------------------------------ sources

    /** Writes row {@code y} of the source as 8-bit sRGB R G B (A) into {@code out}. */
    private interface RowSource {
        void row(int y, byte[] out);
    }

    private static RowSource rowSource(BufferedImage img, ColorModel cm, ColorSpace cs, boolean srgbLike, int ch) {
        Raster raster = img.getRaster();
        int w = img.getWidth();
        if (cm instanceof IndexColorModel icm) {
            return indexed(raster, icm, w, ch);
        }
        boolean plainGray = Icc.isPlainGray(cs);
        int colours = cm.getNumColorComponents();
        int transfer = raster.getTransferType();
        boolean intSamples = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                || transfer == DataBuffer.TYPE_INT || transfer == DataBuffer.TYPE_SHORT;
        if ((srgbLike || plainGray) && intSamples && (colours == 3 || colours == 1)) {
            return components(raster, cm, w, colours, ch);
        }
        ColorSpace iccSource = cs;
        if (cs.getType() == ColorSpace.TYPE_CMYK && !(cs instanceof java.awt.color.ICC_ColorSpace)) {
            iccSource = Icc.defaultCmykColorSpace().orElse(null);
        }
        if (iccSource instanceof java.awt.color.ICC_ColorSpace && colours == iccSource.getNumComponents()) {
            int[] bands = new int[colours];
            for (int i = 0; i < colours; i++) {
                bands[i] = i;
            }
            Raster colourBands = raster.createChild(0, 0, w, img.getHeight(), 0, 0, bands);
            WritableRaster rgb = Icc.toSrgb(colourBands, iccSource);
            RowSource rgbRows = components(rgb, new ComponentColorModel(SRGB, false, false, Transparency.OPAQUE,
                    DataBuffer.TYPE_BYTE), w, 3, 3);
            if (ch == 3) {
                return rgbRows;
            }
            int alphaBand = raster.getNumBands() - 1;
            int alphaBits = cm.getComponentSize(cm.getNumComponents() - 1);
            int[] a = new int[w];
            byte[] rgbRow = new byte[w * 3];
            return (y, out) -> {
                rgbRows.row(y, rgbRow);
                raster.getSamples(0, y, w, 1, alphaBand, a);
                for (int x = 0, i = 0, o = 0; x < w; x++, i += 3, o += 4) {
                    out[o] = rgbRow[i];
                    out[o + 1] = rgbRow[i + 1];
                    out[o + 2] = rgbRow[i + 2];
                    out[o + 3] = (byte) scale(a[x], alphaBits);
                }
            };
        }
        return viaGetRgb(img, w, ch); // anything else: let the colour model convert (slow, rare)
    }

    private static RowSource indexed(Raster raster, IndexColorModel icm, int w, int ch) {
        int size = icm.getMapSize();
        int[] argb = new int[256];
        int[] all = new int[size];
        icm.getRGBs(all);
        System.arraycopy(all, 0, argb, 0, Math.min(size, 256));
        int[] lut = size > 256 ? all : argb;
        int[] idx = new int[w];
        return (y, out) -> {
            raster.getSamples(0, y, w, 1, 0, idx);
            for (int x = 0, o = 0; x < w; x++, o += ch) {
                int i = idx[x];
                int p = i >= 0 && i < lut.length ? lut[i] : 0;
                out[o] = (byte) (p >> 16);
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) p;
                if (ch == 4) {
                    out[o + 3] = (byte) (p >>> 24);
                }
            }
        };
    }

    /** Grey or RGB samples of any integer depth, with optional trailing alpha, already sRGB-encoded. */
    private static RowSource components(Raster raster, ColorModel cm, int w, int colours, int ch) {
        int bands = raster.getNumBands();
        boolean hasAlpha = ch == 4;
        int[] bits = new int[bands];
        boolean all8 = true;
        for (int b = 0; b < bands; b++) {
            bits[b] = cm.getComponentSize(Math.min(b, cm.getNumComponents() - 1));
            all8 &= bits[b] == 8;
        }
        if (all8 && raster.getDataBuffer() instanceof DataBufferByte dbb
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            byte[] data = dbb.getData();
            int[] off = sm.getBandOffsets();
            int ps = sm.getPixelStride();
            int ss = sm.getScanlineStride();
            int base = dbb.getOffset();
            if (colours == 3) {
                int ro = off[0];
                int go = off[1];
                int bo = off[2];
                int ao = hasAlpha ? off[3] : 0;
                return (y, out) -> {
                    int p = base + y * ss;
                    for (int x = 0, o = 0; x < w; x++, p += ps, o += ch) {
                        out[o] = data[p + ro];
                        out[o + 1] = data[p + go];
                        out[o + 2] = data[p + bo];
                        if (hasAlpha) {
                            out[o + 3] = data[p + ao];
                        }
                    }
                };
            }
            int go = off[0];
            int ao = hasAlpha ? off[1] : 0;
            return (y, out) -> {
                int p = base + y * ss;
                for (int x = 0, o = 0; x < w; x++, p += ps, o += ch) {
                    byte g = data[p + go];
                    out[o] = g;
                    out[o + 1] = g;
                    out[o + 2] = g;
                    if (hasAlpha) {
                        out[o + 3] = data[p + ao];
                    }
                }
            };
        }
        int[] px = new int[w * bands];
        return (y, out) -> {
            raster.getPixels(0, y, w, 1, px);
            for (int x = 0, i = 0, o = 0; x < w; x++, i += bands, o += ch) {
                if (colours == 3) {
                    out[o] = (byte) scale(px[i], bits[0]);
                    out[o + 1] = (byte) scale(px[i + 1], bits[1]);
                    out[o + 2] = (byte) scale(px[i + 2], bits[2]);
                } else {
                    byte g = (byte) scale(px[i], bits[0]);
                    out[o] = g;
                    out[o + 1] = g;
                    out[o + 2] = g;
                }
                if (hasAlpha) {
                    out[o + 3] = (byte) scale(px[i + colours], bits[colours]);
                }
            }
        };
    }

    private static RowSource viaGetRgb(BufferedImage img, int w, int ch) {
        int[] argb = new int[w];
        return (y, out) -> {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0, o = 0; x < w; x++, o += ch) {
                int p = argb[x];
                out[o] = (byte) (p >> 16);
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) p;
                if (ch == 4) {
                    out[o + 3] = (byte) (p >>> 24);
                }
            }
        };
    }

    /** Scales an unsigned sample of {@code bits} bits to 0..255, rounding. */
    static int scale(int v, int bits) {
        if (bits == 8) {
            return v & 0xFF;
        }
        if (bits <= 0 || bits > 31) {
            return 0;
        }
        long max = (1L << bits) - 1;
        long u = v & max;
        return (int) ((u * 255 + max / 2) / max);
    }

    // ------------------------------------------------------------------ orientation

    /** Copies source row {@code y} (w pixels of ch bytes) to where orientation {@code o} puts it. */
    static void place(byte[] row, byte[] out, int y, int w, int h, int ch, int o) {
        int base;
        int step; // in pixels
        switch (o) {
            case 2 -> {
                base = y * w + w - 1;
                step = -1;
            }
            case 3 -> {
                base = (h - 1 - y) * w + w - 1;
                step = -1;
            }
            case 4 -> {
                base = (h - 1 - y) * w;
                step = 1;
            }
            case 5 -> {
                base = y;
                step = h;
            }
            case 6 -> {
                base = h - 1 - y;
                step = h;
            }
            case 7 -> {
                base = (w - 1) * h + h - 1 - y;
                step = -h;
            }
            case 8 -> {
                base = (w - 1) * h + y;
                step = -h;
            }
            default -> {
                System.arraycopy(row, 0, out, y * w * ch, w * ch);
                return;
            }
        }
        int d = base * ch;
        int s = step * ch;
        if (ch == 3) {
            for (int x = 0, i = 0; x < w; x++, i += 3, d += s) {
                out[d] = row[i];
                out[d + 1] = row[i + 1];
                out[d + 2] = row[i + 2];
            }
        } else {
            for (int x = 0, i = 0; x < w; x++, i += 4, d += s) {
                out[d] = row[i];
                out[d + 1] = row[i + 1];
                out[d + 2] = row[i + 2];
                out[d + 3] = row[i + 3];
            }
        }
    }

    // ------------------------------------------------------------------ layout

    private static void applyProfile(WritableRaster raster, int ch, byte[] profile) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        Raster colour = ch == 3 ? raster : raster.createChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        WritableRaster rgb = Icc.toSrgb(colour, Icc.colorSpace(profile));
        if (ch == 3) {
            raster.setRect(rgb);
        } else {
            raster.createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2}).setRect(rgb);
        }
    }

    static WritableRaster raster(byte[] data, int w, int h, int ch) {
        int[] offsets = ch == 4 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
        return Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, w * ch, ch, offsets, null);
    }

    /**
     * Wraps an interleaved 8-bit sRGB raster. {@code getData()} returns the raster itself instead of a copy, so the
     * encoder does not copy the whole image once more.
     */
    static BufferedImage wrap(WritableRaster raster, boolean alpha) {
        ComponentColorModel cm = new ComponentColorModel(SRGB, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, raster, false, null) {
            @Override
            public Raster getData() {
                return getRaster();
            }
        };
    }
}
