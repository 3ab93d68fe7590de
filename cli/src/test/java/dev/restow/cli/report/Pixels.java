package dev.restow.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Facts about a screenshot. */
public final class Pixels {
    private Pixels() {
    }

    /** Distinct colours in a PNG (sampled every 4th pixel): a blank page has one or two. */
    public static int distinctColours(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
