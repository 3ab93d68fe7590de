package dev.restow.image.internal;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Lossy WebP through libwebp (webp-imageio's JNI binding). Thread-safe: a writer per call. */
public final class WebpEncoder {

    private static final WebPImageWriterSpi SPI = new WebPImageWriterSpi();

    private WebpEncoder() {
    }

    /** Encodes an 8-bit sRGB image (see {@link SrgbPixels}) with libwebp's quality 0..100 and method 0..6. */
    public static byte[] encode(RenderedImage image, int quality, int method) throws IOException {
        ImageWriter writer = SPI.createWriterInstance(null);
        try {
            WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
            param.setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(quality / 100f);
            param.setMethod(method);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(image));
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static int estimate(RenderedImage image) {
        long px = (long) image.getWidth() * image.getHeight();
        return (int) Math.min(64L << 20, Math.max(4096, px / 8));
    }
}
