package dev.restow.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.image.internal.WebpEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder hands the image's own byte array to libwebp, reordering BGR to RGB in place for the call: the image
 * must be the same afterwards, or a second encode (lossless after lossy) would swap red and blue.
 */
class WebpEncoderTest {

    /** Noise in every channel, red and blue never equal, alpha (if any) 1..255 so no pixel is fully transparent. */
    private static BufferedImage noisy(int type) {
        BufferedImage img = new BufferedImage(48, 32, type);
        Random r = new Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int red = 128 + r.nextInt(128);
                int blue = r.nextInt(128);
                int alpha = 1 + r.nextInt(255);
                img.setRGB(x, y, alpha << 24 | red << 16 | r.nextInt(256) << 8 | blue);
            }
        }
        return img;
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @ParameterizedTest(name = "BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR})
    void encode_should_leaveTheImagesBytesAsTheyWere_when_imageIsBgrOrAbgr(int type) throws Exception {
        BufferedImage img = noisy(type);
        byte[] before = ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone();
        WebpEncoder.encode(img, 80, 4);
        assertThat(((DataBufferByte) img.getRaster().getDataBuffer()).getData()).isEqualTo(before);
    }

    @ParameterizedTest(name = "BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR})
    void encodeLossless_should_decodeToTheSourceColours_when_theSameImageWasEncodedLossyFirst(int type)
            throws Exception {
        BufferedImage img = noisy(type);
        int[] expected = argb(img);
        WebpEncoder.encode(img, 80, 4);
        byte[] second = WebpEncoder.encodeLossless(img, ImageCodec.LOSSLESS_EFFORT, 4);
        assertThat(argb(Pixels.read(second))).containsExactly(expected);
    }

    @ParameterizedTest(name = "BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR})
    void encodeLossless_should_giveTheSameColoursBothTimes_when_theSameImageIsEncodedTwice(int type)
            throws Exception {
        BufferedImage img = noisy(type);
        int[] first = argb(Pixels.read(WebpEncoder.encodeLossless(img, ImageCodec.LOSSLESS_EFFORT, 4)));
        int[] second = argb(Pixels.read(WebpEncoder.encodeLossless(img, ImageCodec.LOSSLESS_EFFORT, 4)));
        assertThat(second).containsExactly(first);
    }
}
