package dev.restow.bench.media;

import dev.restow.local.Corpus;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The distinct source images the benchmark cycles through under different keys: the corpus's photos (categories
 * {@link #CATEGORIES}) when the corpus is present, else generated photo-like JPEGs (smooth light, soft shapes and
 * sensor noise, in the sizes web uploads come in).
 */
public final class BenchImages {
    /** The corpus categories that look like what users upload as avatars, banners, post media and posters. */
    public static final Set<String> CATEGORIES = Set.of("camera-jpeg", "png-rgb", "png-alpha");

    /** One distinct image. */
    public record Image(String name, byte[] bytes, String contentType, int width, int height) {
        public double megapixels() {
            return (double) width * height / 1e6;
        }
    }

    private final String origin;
    private final List<Image> images;

    private BenchImages(String origin, List<Image> images) {
        this.origin = origin;
        this.images = List.copyOf(images);
    }

    /** The corpus's photos, or generated ones when {@code generated} or when the corpus is absent. */
    public static BenchImages load(boolean generated) {
        Optional<Corpus> corpus = generated ? Optional.empty() : Corpus.locate();
        if (corpus.isPresent()) {
            List<Image> list = new ArrayList<>();
            for (Corpus.Entry e : corpus.get().entries()) {
                if (CATEGORIES.contains(e.category()) && e.width() > 0) {
                    try {
                        list.add(new Image(e.file(), Files.readAllBytes(e.path()), contentType(e.file()), e.width(),
                                e.height()));
                    } catch (IOException ex) {
                        throw new UncheckedIOException("could not read " + e.path(), ex);
                    }
                }
            }
            if (!list.isEmpty()) {
                return new BenchImages(String.format(Locale.ROOT, "corpus %s: %d files of %s", corpus.get().dir(),
                        list.size(), String.join(", ", CATEGORIES.stream().sorted().toList())), list);
            }
        }
        return new BenchImages(generated ? "generated (--generated)" : "generated (no corpus at -Drestow.corpus)",
                generate());
    }

    public String origin() {
        return origin;
    }

    public List<Image> distinct() {
        return images;
    }

    /** The smaller half of the distinct images (by pixels; at least one): a quick warm-up of the same paths. */
    public BenchImages smallest() {
        List<Image> sorted = images.stream().sorted(java.util.Comparator.comparingDouble(Image::megapixels)).toList();
        return new BenchImages(origin, sorted.subList(0, Math.max(1, (sorted.size() + 1) / 2)));
    }

    /** The {@code i}-th image of the cycle. */
    public Image cycle(int i) {
        return images.get(i % images.size());
    }

    private static String contentType(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    /** Sizes of phone photos, banners, post media and avatars. */
    private static final int[][] SIZES = {{4032, 3024}, {1920, 1080}, {2048, 1536}, {1600, 1200}, {1280, 960},
            {1080, 1080}, {800, 600}, {400, 400}};

    static List<Image> generate() {
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            int w = SIZES[i][0];
            int h = SIZES[i][1];
            out.add(new Image(String.format(Locale.ROOT, "generated-%dx%d.jpg", w, h), jpeg(photo(w, h, 7L * i + 1)),
                    "image/jpeg", w, h));
        }
        return out;
    }

    /** Sky-to-ground light, a few soft shapes, and per-pixel noise like a camera sensor's. */
    static BufferedImage photo(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90 + r.nextInt(80), 140 + r.nextInt(60), 200 + r.nextInt(55)),
                0, h, new Color(60 + r.nextInt(60), 80 + r.nextInt(60), 30 + r.nextInt(40))));
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < 24; k++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 60 + r.nextInt(120)));
            double ew = w * (0.05 + r.nextDouble() * 0.4);
            double eh = h * (0.05 + r.nextDouble() * 0.4);
            g.fill(new Ellipse2D.Double(r.nextDouble() * w - ew / 2, r.nextDouble() * h - eh / 2, ew, eh));
        }
        g.dispose();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int n = (int) Math.round(r.nextGaussian() * 6);
                row[x] = (clamp((p >> 16 & 0xff) + n) << 16) | (clamp((p >> 8 & 0xff) + n) << 8)
                        | clamp((p & 0xff) + n);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
