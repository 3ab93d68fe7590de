package dev.restow.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.image.internal.HeaderParser;
import dev.restow.image.internal.Pipeline;
import dev.restow.image.internal.WebpEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Lossless WebP as the second attempt: only for lossless sources whose lossy WebP misses the savings margin
 * (line art, palettes, 1-bit scans), the smaller of the two kept.
 */
class ImageCodecLosslessTest {

    private static final CodecOptions OPTIONS = CodecOptions.DEFAULTS.withMethod(4);
    private final ImageCodec codec = new ImageCodec(OPTIONS);

    /** Thin black lines and text on white: what lossy WebP blurs and PNG compresses well. */
    private static void drawLineArt(Graphics2D g, int w, int h, int step) {
        g.setColor(Color.BLACK);
        for (int i = 0; i < Math.max(w, h); i += step) {
            g.drawLine(i, 0, w - 1 - i / 2, h - 1);
            g.drawLine(0, i, w - 1, (i * 7) % h);
        }
        g.drawString("restow line art", 10, 20);
    }

    /** A 1-bit PNG of line art. */
    private static byte[] lineArtPng(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        drawLineArt(g, w, h, 16);
        g.dispose();
        return Synthetic.encode(img, "png");
    }

    /** A 2-bit palette PNG with tRNS, like a logo: a white card of black line art in a transparent margin. */
    private static byte[] transparentPalettePng() {
        byte[] r = {0, 0, (byte) 255, (byte) 255};
        byte[] g = {0, 0, 0, (byte) 255};
        byte[] b = {0, 0, 0, (byte) 255};
        byte[] a = {0, (byte) 255, (byte) 255, (byte) 255};
        BufferedImage img = new BufferedImage(512, 384, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, 4, r, g, b, a));
        Graphics2D gr = img.createGraphics();
        gr.setComposite(java.awt.AlphaComposite.Src);
        gr.setColor(new Color(0, 0, 0, 0));
        gr.fillRect(0, 0, 512, 384);
        gr.setColor(Color.WHITE);
        gr.fillRect(16, 16, 480, 352);
        drawLineArt(gr, 512, 384, 16);
        gr.setColor(Color.RED);
        gr.fillRect(150, 100, 60, 40);
        gr.dispose();
        return Synthetic.encode(img, "png");
    }

    private static BufferedImage decoded(byte[] in) throws Exception {
        return Pipeline.decode(HeaderParser.parse(ImageFormat.sniff(in), in), in);
    }

    private static long limit(byte[] in) {
        return (long) Math.floor(in.length * (1.0 - OPTIONS.minSavings()));
    }

    private static byte[] lossyOnly(byte[] in) throws Exception {
        return WebpEncoder.encode(decoded(in), OPTIONS.quality(), OPTIONS.method());
    }

    private static byte[] losslessOnly(byte[] in) throws Exception {
        return WebpEncoder.encodeLossless(decoded(in), ImageCodec.LOSSLESS_EFFORT, OPTIONS.method());
    }

    /** The fourcc of a simple WebP's only image chunk: "VP8 " (lossy) or "VP8L" (lossless). */
    private static String kind(byte[] webp) {
        return new String(webp, 12, 4, StandardCharsets.ISO_8859_1);
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void convert_should_convertAsLossless_when_lossyWebpOfLineArtPngMissesTheMargin() throws Exception {
        byte[] png = lineArtPng(512, 384);
        assertThat((long) lossyOnly(png).length).as("lossy WebP alone: over the margin").isGreaterThan(limit(png));
        Conversion c = codec.convert(png);
        assertThat(c.outcome()).hasToString("converted");
        assertThat(kind(c.webp().orElseThrow())).isEqualTo("VP8L");
    }

    @Test
    void convert_should_decodePixelIdenticalToTheSource_when_convertedAsLossless() {
        byte[] png = lineArtPng(512, 384);
        BufferedImage out = Pixels.read(codec.convert(png).webp().orElseThrow());
        assertThat(argb(out)).containsExactly(argb(Pixels.read(png)));
    }

    @Test
    void convert_should_encodeLossy_when_pngIsPhotoLike() {
        byte[] png = Synthetic.encode(Synthetic.noisyRgb(256, 192, 31), "png");
        Conversion c = codec.convert(png);
        assertThat(c.outcome()).hasToString("converted");
        assertThat(kind(c.webp().orElseThrow())).isEqualTo("VP8 ");
    }

    @Test
    void convert_should_keepAlphaExactly_when_transparentPalettePngIsConvertedAsLossless() throws Exception {
        byte[] png = transparentPalettePng();
        assertThat((long) lossyOnly(png).length).as("lossy WebP alone: over the margin").isGreaterThan(limit(png));
        Conversion c = codec.convert(png);
        assertThat(kind(c.webp().orElseThrow())).isEqualTo("VP8L");
        int[] src = argb(Pixels.read(png));
        int[] out = argb(Pixels.read(c.webp().orElseThrow()));
        // fully transparent pixels must stay transparent (their hidden colour may change: exact is off);
        // every other pixel is kept exactly
        for (int i = 0; i < src.length; i++) {
            if (src[i] >>> 24 == 0) {
                src[i] = 0;
                out[i] &= 0xFF000000;
            }
        }
        assertThat(out).containsExactly(src);
    }

    @Test
    void convert_should_reportTheSmallerOfBothSizes_when_neitherMeetsTheMargin() throws Exception {
        byte[] png = lineArtPng(512, 384);
        Conversion c = new ImageCodec(OPTIONS.withMinSavings(0.9)).convert(png);
        assertThat(c.outcome()).hasToString("skipped:no-savings");
        assertThat(c.outputBytes()).isEqualTo(Math.min(lossyOnly(png).length, losslessOnly(png).length));
    }

    @Test
    void convert_should_notTryLossless_when_sourceIsJpeg() throws Exception {
        BufferedImage art = Pixels.read(lineArtPng(512, 384));
        BufferedImage rgb = new BufferedImage(art.getWidth(), art.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(art, 0, 0, null);
        byte[] jpeg = Synthetic.jpeg(rgb, 0.5f);
        Conversion c = new ImageCodec(OPTIONS.withMinSavings(0.9)).convert(jpeg);
        assertThat(c.outcome()).hasToString("skipped:no-savings");
        assertThat(c.outputBytes()).isEqualTo(lossyOnly(jpeg).length);
    }

    @Test
    void convert_should_notTryLossless_when_imageHasMorePixelsThanTheLosslessBound() throws Exception {
        int w = 2000;
        byte[] png = lineArtPng(w, (int) (ImageCodec.LOSSLESS_MAX_PIXELS / w) + 1);
        Conversion c = codec.convert(png);
        assertThat(c.outcome()).hasToString("skipped:no-savings");
        assertThat(c.outputBytes()).isEqualTo(lossyOnly(png).length);
    }
}
