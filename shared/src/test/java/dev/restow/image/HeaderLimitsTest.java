package dev.restow.image;

import static dev.restow.image.Synthetic.ascii;
import static dev.restow.image.Synthetic.be32;
import static dev.restow.image.Synthetic.concat;
import static dev.restow.image.Synthetic.ihdr;
import static dev.restow.image.Synthetic.le16;
import static dev.restow.image.Synthetic.le32;
import static dev.restow.image.Synthetic.pngChunk;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Images whose headers declare more pixels than the limit are refused from the header alone. */
class HeaderLimitsTest {

    private static final String TOO_MANY = "rejected:too-many-pixels";
    private final ImageCodec codec = new ImageCodec(CodecOptions.DEFAULTS);

    private static byte[] completePng(long w, long h) {
        return concat(Synthetic.PNG_SIGNATURE, ihdr(w, h, 8, 2), pngChunk("IDAT", Synthetic.deflate(new byte[16])),
                pngChunk("IEND", new byte[0]));
    }

    @Test
    void convert_should_refusePng_when_ihdrClaims100000x100000() {
        assertThat(codec.convert(completePng(100_000, 100_000)).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refusePng_when_fileEndsRightAfterAHugeIhdr() {
        byte[] headerOnly = concat(Synthetic.PNG_SIGNATURE, ihdr(100_000, 100_000, 8, 2));
        assertThat(codec.convert(headerOnly).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refusePng_when_anApngFrameIsLargerThanTheLimit() {
        byte[] actl = pngChunk("acTL", concat(be32(1), be32(0)));
        byte[] fctl = pngChunk("fcTL", concat(be32(0), be32(100_000), be32(100_000), be32(0), be32(0),
                new byte[] {0, 1, 0, 1, 0, 0}));
        byte[] png = concat(Synthetic.PNG_SIGNATURE, ihdr(1, 1, 8, 2), actl, fctl,
                pngChunk("IDAT", Synthetic.deflate(new byte[4])), pngChunk("IEND", new byte[0]));
        assertThat(codec.convert(png).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseJpeg_when_sofClaims65000x65000() {
        byte[] sof = {(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) 0xFD, (byte) 0xE8, (byte) 0xFD, (byte) 0xE8, 3,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        byte[] jpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, sof, new byte[] {(byte) 0xFF, (byte) 0xD9});
        assertThat(codec.convert(jpeg).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseGif_when_aTinyScreenHoldsAHugeFrame() {
        byte[] screen = concat(ascii("GIF89a"), le16(1), le16(1), new byte[] {0, 0, 0});
        byte[] frame = concat(new byte[] {0x2C}, le16(0), le16(0), le16(65_535), le16(65_535), new byte[] {0},
                new byte[] {2, 2, 0x4C, 0x01, 0});
        byte[] gif = concat(screen, frame, new byte[] {0x3B});
        assertThat(codec.convert(gif).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseBmp_when_infoHeaderClaims100000x100000() {
        byte[] bmp = concat(ascii("BM"), le32(54), le32(0), le32(54), le32(40), le32(100_000), le32(100_000),
                le16(1), le16(24), le32(0), le32(0), le32(0), le32(0), le32(0), le32(0));
        assertThat(codec.convert(bmp).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseTiff_when_firstIfdClaims100000x100000() {
        byte[] tiff = concat(ascii("II"), le16(42), le32(8), le16(2),
                le16(256), le16(4), le32(1), le32(100_000),
                le16(257), le16(4), le32(1), le32(100_000), le32(0));
        assertThat(codec.convert(tiff).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseWebp_when_vp8xCanvasIs16384x16384() {
        byte[] vp8x = concat(ascii("VP8X"), le32(10), new byte[] {0, 0, 0, 0},
                new byte[] {(byte) 0xFF, 0x3F, 0, (byte) 0xFF, 0x3F, 0});
        byte[] webp = concat(ascii("RIFF"), le32(4 + vp8x.length), ascii("WEBP"), vp8x);
        assertThat(codec.convert(webp).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseAvif_when_ispeClaims20000x20000() {
        byte[] ftyp = concat(be32(20), ascii("ftyp"), ascii("avif"), be32(0), ascii("mif1"));
        byte[] ispe = concat(be32(20), ascii("ispe"), be32(0), be32(20_000), be32(20_000));
        byte[] ipco = concat(be32(8 + ispe.length), ascii("ipco"), ispe);
        byte[] iprp = concat(be32(8 + ipco.length), ascii("iprp"), ipco);
        byte[] meta = concat(be32(12 + iprp.length), ascii("meta"), be32(0), iprp);
        assertThat(codec.convert(concat(ftyp, meta)).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_refuseImage_when_oneMorePixelThanTheLimit() {
        byte[] png = Synthetic.encode(Synthetic.noisyRgb(8, 8, 1), "png");
        ImageCodec strict = new ImageCodec(CodecOptions.DEFAULTS.withMaxPixels(63));
        assertThat(strict.convert(png).outcome()).hasToString(TOO_MANY);
    }

    @Test
    void convert_should_acceptImage_when_exactlyAtTheLimit() {
        byte[] png = Synthetic.encode(Synthetic.noisyRgb(8, 8, 1), "png");
        ImageCodec atLimit = new ImageCodec(CodecOptions.DEFAULTS.withMaxPixels(64).withMinSavings(0));
        assertThat(atLimit.convert(png).outcome().toString()).isIn("converted", "skipped:no-savings");
    }

    @Test
    void convert_should_ignoreACompressedTextBomb_when_pngCarriesAHugeZtxtChunk() {
        BufferedImage img = Synthetic.noisyRgb(64, 64, 7);
        byte[] bomb = Synthetic.deflate(new byte[64 << 20]); // 64 MiB of zeros in about 64 KB
        byte[] ztxt = pngChunk("zTXt", concat(ascii("Comment\0"), new byte[] {0}, bomb));
        byte[] png = Synthetic.insertBeforeIdat(Synthetic.encode(img, "png"), ztxt);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS.withMinSavings(0)).convert(png);
        assertThat(c.outcome()).hasToString("converted");
    }
}
