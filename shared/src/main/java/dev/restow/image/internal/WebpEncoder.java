package dev.restow.image.internal;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lossy and lossless WebP through libwebp (webp-imageio's JNI binding). Thread-safe: a writer/config per call.
 *
 * <p>webp-imageio's ImageWriter copies the whole image into a fresh RGB array before handing it to libwebp. When
 * the pixels already sit in one interleaved byte array (always, after {@link SrgbPixels}), the encoder instead
 * passes that array straight to the binding's {@code encodeRGB}/{@code encodeRGBA} (reached by reflection: the
 * binding keeps them internal), reordering BGR to RGB in place for the call and back afterwards: one copy of the
 * image less on the heap, and the image is unchanged when the encoder returns (so it can be encoded again, e.g.
 * lossless after lossy). If the binding changes shape, it falls back to the ImageWriter.
 */
public final class WebpEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(WebpEncoder.class);
    private static final WebPImageWriterSpi SPI = new WebPImageWriterSpi();
    private static final Direct DIRECT = Direct.find();

    private WebpEncoder() {
    }

    /**
     * Encodes an 8-bit sRGB image (see {@link SrgbPixels}) as lossy WebP with libwebp's quality 0..100 and method
     * 0..6. The image's byte buffer is reordered in place during the call and restored before it returns: callers
     * hand over pixels they own and must not read them from another thread meanwhile.
     */
    public static byte[] encode(RenderedImage image, int quality, int method) throws IOException {
        ImageWriter writer = SPI.createWriterInstance(null);
        WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(quality / 100f);
        param.setMethod(method);
        // libwebp's "fast" alpha filter estimate doubles the alpha plane's cost in the libwebp bundled with
        // webp-imageio and picked the unfiltered plane on every image measured (same bytes): see docs/codec.md
        param.setAlphaFiltering(0);
        return write(writer, param, image);
    }

    /**
     * Encodes an 8-bit sRGB image as lossless WebP (VP8L): every pixel's R G B A decodes exactly as given, except
     * the colour under fully transparent pixels ({@code exact} off: libwebp may change it to compress better;
     * alpha 0 stays 0). {@code effort} is libwebp's lossless "quality" 0..100 (how hard it searches, not a loss),
     * {@code method} 0..6 as for lossy. Same buffer contract as {@link #encode}.
     */
    public static byte[] encodeLossless(RenderedImage image, int effort, int method) throws IOException {
        ImageWriter writer = SPI.createWriterInstance(null);
        WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
        param.setCompressionType(CompressionType.Lossless);
        param.setCompressionQuality(effort / 100f);
        param.setMethod(method);
        param.setExact(false);
        return write(writer, param, image);
    }

    private static byte[] write(ImageWriter writer, WebPWriteParam param, RenderedImage image) throws IOException {
        try {
            if (DIRECT != null && image instanceof BufferedImage img) {
                byte[] out = DIRECT.encode(param, img);
                if (out != null) {
                    return out;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(image));
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
            Reference.reachabilityFence(param); // its native config must outlive the native call
        }
    }

    private static int estimate(RenderedImage image) {
        long px = (long) image.getWidth() * image.getHeight();
        return (int) Math.min(64L << 20, Math.max(4096, px / 8));
    }

    /** The binding's array entry points, found once. */
    private record Direct(Object wrapper, Method options, Method rgb, Method rgba) {

        static Direct find() {
            try {
                Class<?> wrapperClass = Class.forName("com.luciad.imageio.webp.WebPWrapper");
                Class<?> optionsClass = Class.forName("com.luciad.imageio.webp.WebPEncoderOptions");
                Object wrapper = wrapperClass.getField("INSTANCE").get(null);
                Method options = WebPWriteParam.class.getMethod("getEncoderOptions$com_github_usefulness_webp_imageio");
                Method rgb = wrapperClass.getMethod("encodeRGB", optionsClass, byte[].class, int.class, int.class, int.class);
                Method rgba = wrapperClass.getMethod("encodeRGBA", optionsClass, byte[].class, int.class, int.class,
                        int.class);
                return new Direct(wrapper, options, rgb, rgba);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.info("webp-imageio's array encoder not reachable ({}); using its ImageWriter", e.toString());
                return null;
            }
        }

        /** Encodes in place, or returns null when the image's layout is not one interleaved byte array. */
        byte[] encode(WebPWriteParam param, BufferedImage img) throws IOException {
            if (!(img.getRaster().getDataBuffer() instanceof DataBufferByte dbb)
                    || !(img.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                    || dbb.getNumBanks() != 1 || dbb.getOffset() != 0 || img.getRaster().getParent() != null
                    || img.isAlphaPremultiplied()) {
                return null;
            }
            int w = img.getWidth();
            int h = img.getHeight();
            int ch = sm.getNumBands();
            byte[] data = dbb.getData();
            if ((ch != 3 && ch != 4) || sm.getPixelStride() != ch || sm.getScanlineStride() != w * ch
                    || data.length != w * h * ch || img.getColorModel().hasAlpha() != (ch == 4)) {
                return null;
            }
            int[] off = sm.getBandOffsets();
            if (!Arrays.equals(off, ch == 3 ? new int[] {2, 1, 0} : new int[] {3, 2, 1, 0})
                    && !Arrays.equals(off, ch == 3 ? new int[] {0, 1, 2} : new int[] {0, 1, 2, 3})) {
                return null;
            }
            Runnable restore = reorder(data, off);
            try {
                Object options = this.options.invoke(param);
                Object out = (ch == 3 ? rgb : rgba).invoke(wrapper, options, data, w, h, w * ch);
                Reference.reachabilityFence(options);
                if (!(out instanceof byte[] bytes) || bytes.length == 0) {
                    throw new IOException("libwebp returned no data for a " + w + "x" + h + " image");
                }
                return bytes;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IOException("libwebp encode failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IOException("webp-imageio's encoder not accessible", e);
            } finally {
                restore.run(); // the sample model still says BGR/ABGR: put the bytes back in that order
            }
        }

        /**
         * Reorders BGR to RGB or ABGR to RGBA in place; returns what puts the original order back (both swaps are
         * their own inverse).
         */
        private static Runnable reorder(byte[] data, int[] off) {
            if (Arrays.equals(off, new int[] {2, 1, 0})) {
                swap(data, 3, 0, 2);
                return () -> swap(data, 3, 0, 2);
            }
            if (Arrays.equals(off, new int[] {3, 2, 1, 0})) {
                reverse4(data);
                return () -> reverse4(data);
            }
            return () -> { };
        }

        /** ABGR to RGBA and back: each pixel's four bytes reversed. */
        private static void reverse4(byte[] data) {
            for (int i = 0; i < data.length; i += 4) {
                byte a = data[i];
                byte b = data[i + 1];
                data[i] = data[i + 3];
                data[i + 1] = data[i + 2];
                data[i + 2] = b;
                data[i + 3] = a;
            }
        }

        private static void swap(byte[] data, int stride, int a, int b) {
            for (int i = 0; i < data.length; i += stride) {
                byte t = data[i + a];
                data[i + a] = data[i + b];
                data[i + b] = t;
            }
        }
    }
}
