package dev.restow.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void sniff_should_sayJpeg_when_bytesStartWithSoiAndAMarker() {
        assertThat(ImageFormat.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16))).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void sniff_should_sayPng_when_bytesStartWithThePngSignature() {
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0))).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void sniff_should_sayGif_when_bytesStartWithGif89a() {
        assertThat(ImageFormat.sniff(ascii("GIF89a\1\0\1\0"))).isEqualTo(ImageFormat.GIF);
    }

    @Test
    void sniff_should_sayBmp_when_bytesStartWithBmAndAKnownDibHeaderSize() {
        byte[] b = new byte[30];
        b[0] = 'B';
        b[1] = 'M';
        b[14] = 40;
        assertThat(ImageFormat.sniff(b)).isEqualTo(ImageFormat.BMP);
    }

    @Test
    void sniff_should_sayUnknown_when_textStartsWithBm() {
        assertThat(ImageFormat.sniff(ascii("BM is not a bitmap, just text."))).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void sniff_should_sayTiff_when_bytesStartWithLittleEndianTiffHeader() {
        assertThat(ImageFormat.sniff(bytes('I', 'I', 42, 0, 8, 0, 0, 0))).isEqualTo(ImageFormat.TIFF);
    }

    @Test
    void sniff_should_sayTiff_when_bytesStartWithBigEndianTiffHeader() {
        assertThat(ImageFormat.sniff(bytes('M', 'M', 0, 42, 0, 0, 0, 8))).isEqualTo(ImageFormat.TIFF);
    }

    @Test
    void sniff_should_sayWebp_when_riffContainerHoldsWebp() {
        assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void sniff_should_sayUnknown_when_riffContainerHoldsWave() {
        assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void sniff_should_sayAvif_when_ftypBrandIsAvif() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypavif\0\0\0\0mif1avif"))).isEqualTo(ImageFormat.AVIF);
    }

    @Test
    void sniff_should_sayHeic_when_ftypBrandIsHeic() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypheic\0\0\0\0mif1heic"))).isEqualTo(ImageFormat.HEIC);
    }

    @Test
    void sniff_should_sayUnknown_when_ftypBrandIsAnMp4Video() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypisom\0\0\0\0isomavc1"))).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void sniff_should_saySvg_when_xmlPrologPrecedesSvgElement() {
        assertThat(ImageFormat.sniff(ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEqualTo(ImageFormat.SVG);
    }

    @Test
    void sniff_should_saySvg_when_fileStartsWithBomAndSvgElement() {
        assertThat(ImageFormat.sniff(ascii("\u00EF\u00BB\u00BF  <svg width=\"1\"/>"))).isEqualTo(ImageFormat.SVG);
    }

    @Test
    void sniff_should_sayUnknown_when_xmlIsNotSvg() {
        assertThat(ImageFormat.sniff(ascii("<?xml version=\"1.0\"?><html/>"))).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void sniff_should_sayJp2_when_bytesStartWithTheJp2SignatureBox() {
        assertThat(ImageFormat.sniff(bytes(0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, 0x87, 10))).isEqualTo(ImageFormat.JP2);
    }

    @Test
    void sniff_should_sayJp2_when_bytesStartWithARawCodestream() {
        assertThat(ImageFormat.sniff(bytes(0xFF, 0x4F, 0xFF, 0x51, 0, 47))).isEqualTo(ImageFormat.JP2);
    }

    @Test
    void sniff_should_sayUnknown_when_inputIsEmpty() {
        assertThat(ImageFormat.sniff(new byte[0])).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void sniff_should_sayUnknown_when_inputIsNull() {
        assertThat(ImageFormat.sniff(null)).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void label_should_beLowerCaseName_when_askedForJpeg() {
        assertThat(ImageFormat.JPEG.label()).isEqualTo("jpeg");
    }

    @Test
    void mimeType_should_beImageWebp_when_askedForWebp() {
        assertThat(ImageFormat.WEBP.mimeType()).isEqualTo("image/webp");
    }
}
