package dev.restow.image;

import static dev.restow.image.Synthetic.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The codec on images generated here (the corpus is exercised by {@link ImageCodecConformanceTest}). */
class ImageCodecTest {

    private final ImageCodec codec = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0));

    /** 96x48, quadrants red / green over blue / white, a little noise so JPEG and WebP behave as on photos. */
    private static BufferedImage quadrants() {
        BufferedImage img = Synthetic.noisyRgb(96, 48, 3);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(4, 4, 40, 16);
        g.setColor(Color.GREEN);
        g.fillRect(52, 4, 40, 16);
        g.setColor(Color.BLUE);
        g.fillRect(4, 28, 40, 16);
        g.setColor(Color.WHITE);
        g.fillRect(52, 28, 40, 16);
        g.dispose();
        return img;
    }

    private static int nearest(int rgb) {
        int[][] palette = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
        int best = -1;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int d = Math.abs(((rgb >> 16) & 255) - palette[i][0]) + Math.abs(((rgb >> 8) & 255) - palette[i][1])
                    + Math.abs((rgb & 255) - palette[i][2]);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The quadrant colour (0 red, 1 green, 2 blue, 3 white) at the centre of each quadrant: TL, TR, BL, BR. */
    private static int[] corners(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[][] at = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = nearest(img.getRGB(at[i][0], at[i][1]));
        }
        return out;
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void convert_should_applyExifOrientation_when_jpegCarriesIt(int orientation) {
        BufferedImage src = quadrants();
        byte[] jpeg = Synthetic.withExifOrientation(Synthetic.jpeg(src, 0.92f), orientation);
        Conversion c = codec.convert(jpeg);
        BufferedImage out = Pixels.read(c.webp().orElseThrow());
        BufferedImage expected = Pixels.upright(src, orientation);
        assertThat(new int[] {out.getWidth(), out.getHeight()})
                .containsExactly(expected.getWidth(), expected.getHeight());
        assertThat(corners(out)).containsExactly(corners(expected));
    }

    @Test
    void convert_should_keepFullyTransparentPixelsTransparent_when_pngHasAlpha() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        BufferedImage noise = Synthetic.noisyRgb(64, 64, 5);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int alpha = x < 32 ? 0 : 255;
                img.setRGB(x, y, alpha << 24 | (noise.getRGB(x, y) & 0xFFFFFF));
            }
        }
        BufferedImage out = Pixels.read(codec.convert(Synthetic.encode(img, "png")).webp().orElseThrow());
        int[] alphas = new int[64 * 64];
        out.getAlphaRaster().getPixels(0, 0, 64, 64, alphas);
        int[] expected = new int[64 * 64];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (i % 64) < 32 ? 0 : 255;
        }
        assertThat(alphas).containsExactly(expected);
    }

    @Test
    void convert_should_keepGreyLevels_when_pngIsEightBitGrey() {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = grey.getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                r.setSample(x, y, 0, 128);
            }
        }
        BufferedImage out = Pixels.read(codec.convert(Synthetic.encode(grey, "png")).webp().orElseThrow());
        int p = out.getRGB(32, 32);
        assertThat(java.util.List.of((p >> 16) & 255, (p >> 8) & 255, p & 255))
                .allSatisfy(v -> assertThat(v).isBetween(126, 130));
    }

    @Test
    void convert_should_scaleSixteenBitSamples_when_pngIsSixteenBitRgb() {
        BufferedImage img16 = new BufferedImage(new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT),
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, 32, 32, 3, null),
                false, null);
        WritableRaster r = img16.getRaster();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                r.setPixel(x, y, new int[] {65535, 32768, 0});
            }
        }
        BufferedImage out = Pixels.read(codec.convert(Synthetic.encode(img16, "png")).webp().orElseThrow());
        int p = out.getRGB(16, 16);
        int error = Math.abs(((p >> 16) & 255) - 255) + Math.abs(((p >> 8) & 255) - 128) + Math.abs(p & 255);
        assertThat(error).as("sum of |R-255|, |G-128|, |B-0|").isLessThanOrEqualTo(9);
    }

    @Test
    void convert_should_reportWebpOutput_when_converted() {
        byte[] jpeg = Synthetic.jpeg(Synthetic.noisyRgb(200, 100, 9), 0.95f);
        Conversion c = codec.convert(jpeg);
        assertThat(c.outcome()).hasToString("converted");
        assertThat(Arrays.copyOfRange(c.webp().orElseThrow(), 8, 12)).isEqualTo(ascii("WEBP"));
        assertThat(c.outputBytes()).isEqualTo(c.webp().orElseThrow().length);
        assertThat(c.inputBytes()).isEqualTo(jpeg.length);
        assertThat(c.format()).isEqualTo("jpeg");
        assertThat(new int[] {c.width(), c.height()}).containsExactly(200, 100);
    }

    @Test
    void convert_should_skipWithSizeReported_when_webpIsNotSmallerByTheMargin() {
        byte[] jpeg = Synthetic.jpeg(Synthetic.noisyRgb(128, 128, 11), 0.9f);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0.99)).convert(jpeg);
        assertThat(c.outcome()).hasToString("skipped:no-savings");
        assertThat(c.webp()).isEmpty();
        assertThat(c.outputBytes()).isPositive();
    }

    @Test
    void convert_should_rejectCorrupt_when_jpegIsCutInHalf() {
        byte[] jpeg = Synthetic.jpeg(Synthetic.noisyRgb(128, 128, 13), 0.9f);
        assertThat(codec.convert(Arrays.copyOf(jpeg, jpeg.length / 2)).outcome()).hasToString("rejected:corrupt");
    }

    @Test
    void convert_should_rejectCorrupt_when_pngIsCutInHalf() {
        byte[] png = Synthetic.encode(Synthetic.noisyRgb(128, 128, 17), "png");
        assertThat(codec.convert(Arrays.copyOf(png, png.length / 2)).outcome()).hasToString("rejected:corrupt");
    }

    @Test
    void convert_should_rejectCorrupt_when_pngImageDataFailsItsCrc() {
        byte[] png = Synthetic.encode(Synthetic.noisyRgb(64, 64, 19), "png");
        png[png.length - 40] ^= 0x55; // inside the last IDAT
        assertThat(codec.convert(png).outcome()).hasToString("rejected:corrupt");
    }

    @Test
    void convert_should_rejectCorrupt_when_bmpPixelDataIsCut() {
        byte[] bmp = Synthetic.encode(Synthetic.noisyRgb(64, 64, 23), "bmp");
        assertThat(codec.convert(Arrays.copyOf(bmp, bmp.length - 500)).outcome()).hasToString("rejected:corrupt");
    }

    @Test
    void convert_should_convertStaticGif_when_frameIsSmallerThanTheScreen() {
        byte[] gif = Synthetic.encode(quadrants(), "gif");
        Conversion c = codec.convert(gif);
        assertThat(new int[] {c.width(), c.height()}).containsExactly(96, 48);
    }

    @Test
    void convert_should_rejectNotAnImage_when_inputIsNull() {
        assertThat(codec.convert(null).outcome()).hasToString("rejected:not-an-image");
    }

    @Test
    void convert_should_rejectNotAnImage_when_inputIsEmpty() {
        assertThat(codec.convert(new byte[0]).outcome()).hasToString("rejected:not-an-image");
    }

    @Test
    void convert_should_rejectNotAnImage_when_inputIsText() {
        assertThat(codec.convert(ascii("<html><body>404 Not Found</body></html>")).outcome())
                .hasToString("rejected:not-an-image");
    }

    @Test
    void convert_should_skipAsUnsupported_when_inputIsJpegXl() {
        byte[] jxl = {(byte) 0xFF, 0x0A, (byte) 0xFA, 0x7F, 0, 0, 0, 0};
        assertThat(codec.convert(jxl).outcome()).hasToString("skipped:unsupported-format:jxl");
    }

    @Test
    void convert_should_skipAnimated_when_gifHasTwoFrames() {
        byte[] frame = Synthetic.concat(new byte[] {0x2C}, Synthetic.le16(0), Synthetic.le16(0), Synthetic.le16(1),
                Synthetic.le16(1), new byte[] {0}, new byte[] {2, 2, 0x4C, 0x01, 0});
        byte[] gif = Synthetic.concat(ascii("GIF89a"), Synthetic.le16(1), Synthetic.le16(1),
                new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255}, frame, frame,
                new byte[] {0x3B});
        assertThat(codec.convert(gif).outcome()).hasToString("skipped:animated");
    }

    @Test
    void convert_should_stripExif_when_keepMetadataIsFalse() {
        byte[] jpeg = Synthetic.withExifOrientation(Synthetic.jpeg(Synthetic.noisyRgb(64, 64, 29), 0.95f), 1);
        byte[] webp = codec.convert(jpeg).webp().orElseThrow();
        assertThat(new String(webp, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("EXIF", "Exif");
    }

    /** The chunks of a WebP file: fourcc to payload (first occurrence). */
    private static java.util.Map<String, byte[]> chunks(byte[] webp) {
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        int pos = 12;
        while (pos + 8 <= webp.length) {
            String type = new String(webp, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int len = (webp[pos + 4] & 255) | (webp[pos + 5] & 255) << 8 | (webp[pos + 6] & 255) << 16
                    | (webp[pos + 7] & 255) << 24;
            out.putIfAbsent(type, Arrays.copyOfRange(webp, pos + 8, pos + 8 + len));
            pos += 8 + len + (len & 1);
        }
        return out;
    }

    private static byte[] withXmp(byte[] jpeg, String xmp) {
        byte[] payload = Synthetic.concat(ascii("http://ns.adobe.com/xap/1.0/\0"),
                xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int len = payload.length + 2;
        byte[] app1 = Synthetic.concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len}, payload);
        return Synthetic.concat(Arrays.copyOf(jpeg, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    @Test
    void convert_should_carryExifWithOrientationReset_when_keepMetadataIsTrue() {
        byte[] jpeg = Synthetic.withExifOrientation(Synthetic.jpeg(quadrants(), 0.95f), 6);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0).withKeepMetadata(true))
                .convert(jpeg);
        java.util.Map<String, byte[]> chunks = chunks(c.webp().orElseThrow());
        byte[] exif = chunks.get("EXIF");
        // big-endian TIFF from Synthetic: IFD0 at 8, one entry, orientation value in bytes 18..19
        assertThat(new int[] {exif[18], exif[19]}).containsExactly(0, 1);
    }

    @Test
    void convert_should_markExifInTheExtendedHeader_when_keepMetadataIsTrue() {
        byte[] jpeg = Synthetic.withExifOrientation(Synthetic.jpeg(quadrants(), 0.95f), 6);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0).withKeepMetadata(true))
                .convert(jpeg);
        byte[] vp8x = chunks(c.webp().orElseThrow()).get("VP8X");
        int width = 1 + ((vp8x[4] & 255) | (vp8x[5] & 255) << 8 | (vp8x[6] & 255) << 16);
        int height = 1 + ((vp8x[7] & 255) | (vp8x[8] & 255) << 8 | (vp8x[9] & 255) << 16);
        assertThat(new int[] {vp8x[0] & 0x08, width, height}).containsExactly(0x08, 48, 96);
    }

    @Test
    void convert_should_carryXmpWithOrientationReset_when_keepMetadataIsTrue() {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description tiff:Orientation=\"6\""
                + " dc:creator=\"me\"/></rdf:RDF></x:xmpmeta>";
        byte[] jpeg = withXmp(Synthetic.withExifOrientation(Synthetic.jpeg(quadrants(), 0.95f), 6), xmp);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0).withKeepMetadata(true))
                .convert(jpeg);
        String kept = new String(chunks(c.webp().orElseThrow()).get("XMP "), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(kept).isEqualTo(xmp.replace("tiff:Orientation=\"6\"", "tiff:Orientation=\"1\""));
    }

    @Test
    void convert_should_decodeTheExtendedFile_when_keepMetadataIsTrue() {
        byte[] jpeg = Synthetic.withExifOrientation(Synthetic.jpeg(quadrants(), 0.95f), 6);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMethod(4).withMinSavings(0).withKeepMetadata(true))
                .convert(jpeg);
        BufferedImage out = Pixels.read(c.webp().orElseThrow());
        assertThat(corners(out)).containsExactly(corners(Pixels.upright(quadrants(), 6)));
    }
}
