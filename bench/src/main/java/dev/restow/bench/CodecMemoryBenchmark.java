package dev.restow.bench;

import dev.restow.bench.codec.CorpusFiles;
import dev.restow.image.CodecOptions;
import dev.restow.image.Conversion;
import dev.restow.image.ImageCodec;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Memory of one conversion: for 12, 24 and 50 MP photo-like JPEGs (a corpus photo upscaled, with noise), each is
 * converted with the default options in a forked JVM, which prints its peak heap and its process peak RSS (VmHWM:
 * libwebp's buffers are native). System properties: {@code restow.corpus}, {@code xmx} (comma-separated heap
 * limits to try, default 512m), {@code sizes} (MP, default 12,24,50), {@code gc} (default SerialGC, as on a
 * one-vCPU Lambda). Command: docs/codec.md.
 */
public final class CodecMemoryBenchmark {

    private static final String SOURCE = "ianare-42_IndexError.jpg";

    private CodecMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        CorpusFiles corpus = CorpusFiles.fromSystemProperty();
        Path source = corpus.items().stream().filter(i -> i.file().equals(SOURCE)).findFirst()
                .orElseThrow(() -> new IOException(SOURCE + " not in the corpus")).path();
        List<Integer> sizes = List.of(System.getProperty("sizes", "12,24,50").split(",")).stream()
                .map(String::trim).map(Integer::parseInt).collect(Collectors.toList());
        List<String> heaps = List.of(System.getProperty("xmx", "512m").split(","));
        String gc = System.getProperty("gc", "SerialGC");
        Path dir = Files.createTempDirectory("restow-codec-mem");
        BufferedImage photo = ImageIO.read(source.toFile());
        List<String> lines = new ArrayList<>();
        for (int mp : sizes) {
            Path jpeg = dir.resolve(mp + "mp.jpg");
            int[] wh = generate(photo, mp, jpeg);
            for (String xmx : heaps) {
                String result = fork(jpeg, xmx.trim(), gc);
                lines.add(String.format(Locale.ROOT, "%5d MP %5dx%-5d %9d B  -Xmx%-6s %s", mp, wh[0], wh[1],
                        Files.size(jpeg), xmx.trim(), result));
            }
            Files.delete(jpeg);
        }
        Files.delete(dir);
        System.out.printf(Locale.ROOT, "%nrestow codec memory: one conversion per forked JVM, %s, options %s, Java %s%n",
                "-XX:+Use" + gc, CodecOptions.DEFAULTS, System.getProperty("java.version"));
        System.out.println("   size    pixels          JPEG bytes  heap limit   outcome     dec s   enc s  peak heap MB"
                + "  peak RSS MB (VmHWM)");
        lines.forEach(System.out::println);
    }

    /** A photo-like JPEG of about {@code mp} megapixels: the source scaled up, with noise so it does not flatten. */
    private static int[] generate(BufferedImage photo, int mp, Path out) throws IOException {
        double aspect = (double) photo.getWidth() / photo.getHeight();
        int h = (int) Math.floor(Math.sqrt(mp * 1e6 / aspect));
        int w = (int) Math.floor(mp * 1e6 / h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(42);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, (data[i] & 0xFF) + r.nextInt(9) - 4));
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.9f);
        try (FileImageOutputStream o = new FileImageOutputStream(out.toFile())) {
            writer.setOutput(o);
            writer.write(null, new IIOImage(img, null, null), p);
        }
        writer.dispose();
        return new int[] {w, h};
    }

    private static String fork(Path jpeg, String xmx, String gc) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + xmx, "-XX:+Use" + gc, "-cp", classpath(),
                CodecMemoryBenchmark.class.getName(), "--child", jpeg.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                return line.substring(7);
            }
        }
        return "child exited " + exit + ": " + out.lines().filter(l -> l.contains("Error") || l.contains("Exception"))
                .findFirst().orElse(out.lines().reduce((a, b) -> b).orElse(""));
    }

    /** The classpath to fork with, also under exec:java (whose class loader is not the system class path). */
    private static String classpath() {
        ClassLoader cl = CodecMemoryBenchmark.class.getClassLoader();
        if (cl instanceof URLClassLoader u) {
            List<String> parts = new ArrayList<>();
            for (URL url : u.getURLs()) {
                parts.add(new File(url.getPath()).getPath());
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static void child(Path jpeg) throws IOException {
        byte[] in = Files.readAllBytes(jpeg);
        Conversion c = new ImageCodec(CodecOptions.DEFAULTS).convert(in);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %-11s %7.2f %7.2f %13.0f  %19.0f%n", c.outcome(),
                c.decodeNanos() / 1e9, c.encodeNanos() / 1e9, peakHeap / 1048576.0, vmHwmKb() / 1024.0);
    }

    private static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
