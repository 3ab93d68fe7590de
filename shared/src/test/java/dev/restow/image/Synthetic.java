package dev.restow.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Builds images and headers in memory for the tests: nothing is read from or copied into the project. */
final class Synthetic {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Synthetic() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] be32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    /** A PNG chunk with a correct CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return concat(be32(data.length), ascii(type), data, be32(crc.getValue()));
    }

    static byte[] ihdr(long w, long h, int bitDepth, int colourType) {
        return pngChunk("IHDR", concat(be32(w), be32(h), new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0}));
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** Photo-like noise over a smooth gradient: compresses like a photograph, not like flat art. */
    static BufferedImage noisyRgb(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = clamp(x * 255 / Math.max(1, w - 1) + r.nextInt(41) - 20);
                int green = clamp(y * 255 / Math.max(1, h - 1) + r.nextInt(41) - 20);
                int blue = clamp(128 + r.nextInt(41) - 20);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, null), p);
            }
            w.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts an EXIF APP1 segment carrying only an orientation tag right after the JPEG's SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = concat(ascii("MM"), new byte[] {0, 42}, be32(8), new byte[] {0, 1}, // IFD0 with one entry
                new byte[] {0x01, 0x12, 0, 3}, be32(1), new byte[] {0, (byte) orientation, 0, 0}, be32(0));
        byte[] payload = concat(ascii("Exif\0\0"), tiff);
        int len = payload.length + 2;
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len}, payload);
        byte[] out = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
        return out;
    }

    /** Inserts a chunk into a PNG just before its first IDAT. */
    static byte[] insertBeforeIdat(byte[] png, byte[] chunk) {
        int pos = 8;
        while (pos + 8 <= png.length) {
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) {
                break;
            }
            pos += 12 + ByteBuffer.wrap(png, pos, 4).getInt();
        }
        byte[] out = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, out, 0, pos);
        System.arraycopy(chunk, 0, out, pos, chunk.length);
        System.arraycopy(png, pos, out, pos + chunk.length, png.length - pos);
        return out;
    }
}
