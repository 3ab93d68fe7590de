package dev.restow.cli.demo;

import dev.restow.local.Corpus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** The demo's images: the corpus's files when present, else a dozen the demo draws itself. */
final class SampleImages {

    private SampleImages() {
    }

    /** Every file of the corpus, in manifest order. */
    static List<SampleImage> fromCorpus(Corpus corpus) {
        List<SampleImage> out = new ArrayList<>();
        for (Corpus.Entry e : corpus.entries()) {
            try {
                out.add(new SampleImage(e.file(), e.category(), Files.readAllBytes(e.path())));
            } catch (IOException ex) {
                throw new UncheckedIOException("could not read corpus file " + e.path(), ex);
            }
        }
        return out;
    }

    /** Images drawn here: photo-like JPEGs and PNGs of several sizes, graphics, transparency, and two bad files. */
    static List<SampleImage> generated() {
        List<SampleImage> out = new ArrayList<>();
        Random random = new Random(2026);
        int[][] photoSizes = {{1600, 1067}, {1200, 900}, {800, 800}, {640, 960}, {1920, 1080}, {480, 320}};
        for (int i = 0; i < photoSizes.length; i++) {
            BufferedImage img = photo(photoSizes[i][0], photoSizes[i][1], random, i);
            out.add(new SampleImage("photo-" + (i + 1) + ".jpg", "generated-photo-jpeg", encode(img, "jpeg")));
        }
        out.add(new SampleImage("landscape.png", "generated-photo-png", encode(photo(1024, 640, random, 7), "png")));
        out.add(new SampleImage("logo.png", "generated-alpha-png", encode(logo(512, true), "png")));
        out.add(new SampleImage("badge.gif", "generated-gif", encode(logo(256, false), "gif")));
        out.add(new SampleImage("banner.bmp", "generated-bmp", encode(photo(600, 200, random, 3), "bmp")));
        out.add(new SampleImage("readme.jpg", "generated-not-an-image",
                "this file is text, whatever its name says\n".getBytes(StandardCharsets.UTF_8)));
        byte[] jpeg = encode(photo(800, 600, random, 5), "jpeg");
        byte[] truncated = java.util.Arrays.copyOf(jpeg, Math.min(jpeg.length, 600));
        out.add(new SampleImage("truncated.jpg", "generated-truncated-jpeg", truncated));
        return out;
    }

    private static BufferedImage photo(int w, int h, Random random, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color[] sky = {new Color(255, 170, 90), new Color(120, 180, 240), new Color(250, 220, 150),
                new Color(90, 120, 200), new Color(240, 130, 120), new Color(160, 210, 200), new Color(200, 160, 230),
                new Color(255, 200, 120)};
        g.setPaint(new GradientPaint(0, 0, sky[seed % sky.length], 0, h, new Color(30, 40, 70)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 240, 200, 220));
        int sun = Math.max(20, Math.min(w, h) / 6);
        g.fillOval(w * (2 + seed % 5) / 8, h / 5, sun, sun);
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(new Color(20 + layer * 25, 50 + layer * 30, 40 + layer * 20));
            java.awt.geom.Path2D.Double hills = new java.awt.geom.Path2D.Double();
            hills.moveTo(0, h);
            for (int x = 0; x <= w; x += Math.max(4, w / 60)) {
                double y = h * (0.55 + 0.12 * layer) + Math.sin((x + seed * 97.0 + layer * 50) / (w / 7.0)) * h * 0.06;
                hills.lineTo(x, y);
            }
            hills.lineTo(w, h);
            hills.closePath();
            g.fill(hills);
        }
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int n = random.nextInt(13) - 6;
                img.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n));
            }
        }
        return img;
    }

    private static BufferedImage logo(int size, boolean alpha) {
        BufferedImage img = new BufferedImage(size, size, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (!alpha) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
        }
        g.setColor(new Color(30, 110, 200));
        g.fillOval(size / 10, size / 10, size * 8 / 10, size * 8 / 10);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(size / 24f));
        g.drawOval(size / 5, size / 5, size * 3 / 5, size * 3 / 5);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size / 4));
        g.drawString("rs", size * 33 / 100, size * 58 / 100);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
