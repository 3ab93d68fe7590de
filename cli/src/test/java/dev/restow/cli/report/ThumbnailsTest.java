package dev.restow.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailsTest {

    private static final int W = 3;
    private static final int H = 2;

    /** A 3x2 image whose every pixel has its own colour: x * 16 + y in the red channel. */
    private static BufferedImage distinct() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.setRGB(x, y, 0xff000000 | ((x * 16 + y) << 16));
            }
        }
        return img;
    }

    /** The source pixel shown at (X, Y) of the upright image, by the EXIF definition of each orientation. */
    private static int[] source(int orientation, int X, int Y) {
        return switch (orientation) {
            case 1 -> new int[]{X, Y};
            case 2 -> new int[]{W - 1 - X, Y};
            case 3 -> new int[]{W - 1 - X, H - 1 - Y};
            case 4 -> new int[]{X, H - 1 - Y};
            case 5 -> new int[]{Y, X};
            case 6 -> new int[]{Y, H - 1 - X};
            case 7 -> new int[]{W - 1 - Y, H - 1 - X};
            case 8 -> new int[]{W - 1 - Y, X};
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void orient_should_placeEveryPixelAsExifDefines_when_givenAnOrientation(int orientation) {
        BufferedImage upright = Thumbnails.orient(distinct(), orientation);

        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                int[] s = source(orientation, x, y);
                assertThat((upright.getRGB(x, y) >> 16) & 0xff).as("orientation %d at (%d,%d)", orientation, x, y)
                        .isEqualTo(s[0] * 16 + s[1]);
            }
        }
    }

    @Test
    void png_should_fitTheLongerSideIntoTheBox_when_imageIsLarger() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);

        byte[] png = Thumbnails.png(jpeg.toByteArray(), 300).orElseThrow();

        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(new int[]{thumb.getWidth(), thumb.getHeight()}).containsExactly(300, 150);
    }

    @Test
    void png_should_giveNothing_when_bytesAreNotAnImage() {
        assertThat(Thumbnails.png("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), 100)).isEmpty();
    }

    @Test
    void orientation_should_beOne_when_imageIsNotAJpeg() {
        assertThat(Thumbnails.orientation(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(1);
    }

    @Test
    void dataUri_should_holdTheBytesInBase64_when_built() {
        assertThat(Thumbnails.dataUri("image/webp", new byte[]{1, 2, 3})).isEqualTo("data:image/webp;base64,AQID");
    }
}
