package dev.restow.image.internal;

import dev.restow.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXIF and XMP carried from the source into the WebP (only when {@code keepMetadata} is set): read from JPEG APP1
 * segments or PNG eXIf/iTXt chunks, their orientation reset to 1 (the pixels are already upright).
 *
 * @param exif the EXIF TIFF structure (without the {@code Exif\0\0} prefix), or null
 * @param xmp  the XMP packet, or null
 */
public record Metadata(byte[] exif, byte[] xmp) {

    private static final byte[] XMP_JPEG = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern XMP_ORIENTATION = Pattern.compile(
            "(tiff:Orientation\\s*=\\s*[\"'])[1-8]([\"'])|(<tiff:Orientation>\\s*)[1-8](\\s*</tiff:Orientation>)");

    public boolean isEmpty() {
        return exif == null && xmp == null;
    }

    /** EXIF and XMP of a JPEG or PNG; empty for other formats or when absent. */
    public static Metadata read(ImageFormat format, byte[] b) {
        try {
            return switch (format) {
                case JPEG -> jpeg(b);
                case PNG -> png(b);
                default -> new Metadata(null, null);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return new Metadata(null, null);
        }
    }

    private static Metadata jpeg(byte[] b) {
        byte[] exif = null;
        byte[] xmp = null;
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int len = HeaderParser.u16be(b, pos + 2);
            int end = Math.min(b.length, pos + 2 + len);
            if (marker == 0xE1 && exif == null && Sniffer.startsWith(b, pos + 4, "Exif\0\0")) {
                exif = Arrays.copyOfRange(b, pos + 10, end);
            } else if (marker == 0xE1 && xmp == null && Sniffer.startsWith(b, pos + 4, XMP_JPEG)) {
                xmp = Arrays.copyOfRange(b, pos + 4 + XMP_JPEG.length, end);
            }
            pos += 2 + len;
        }
        return new Metadata(uprightExif(exif), uprightXmp(xmp));
    }

    private static Metadata png(byte[] b) {
        byte[] exif = null;
        byte[] xmp = null;
        int pos = 8;
        while (pos + 12 <= b.length) {
            long len = HeaderParser.u32be(b, pos);
            if (len > b.length - pos - 12) {
                break;
            }
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (type.equals("eXIf") && exif == null) {
                exif = Arrays.copyOfRange(b, data, data + (int) len);
            } else if (type.equals("iTXt") && xmp == null && Sniffer.startsWith(b, data, "XML:com.adobe.xmp\0")) {
                // keyword\0, compression flag, method, language\0, translated keyword\0, text
                int p = data + "XML:com.adobe.xmp\0".length();
                boolean compressed = b[p] != 0;
                p += 2;
                int nulls = 0;
                while (p < data + len && nulls < 2) {
                    if (b[p++] == 0) {
                        nulls++;
                    }
                }
                if (!compressed) {
                    xmp = Arrays.copyOfRange(b, p, data + (int) len);
                }
            } else if (type.equals("IDAT") || type.equals("IEND")) {
                if (type.equals("IEND")) {
                    break;
                }
            }
            pos = data + (int) len + 4;
        }
        return new Metadata(uprightExif(exif), uprightXmp(xmp));
    }

    /** A copy of the EXIF block with IFD0's orientation set to 1. */
    static byte[] uprightExif(byte[] exif) {
        if (exif == null || exif.length < 8) {
            return exif == null ? null : exif.clone();
        }
        byte[] e = exif.clone();
        boolean le = e[0] == 'I';
        long ifd = HeaderParser.u32(e, 4, le);
        if (ifd < 8 || ifd + 2 > e.length) {
            return e;
        }
        int p = (int) ifd;
        int count = HeaderParser.u16(e, p, le);
        p += 2;
        for (int i = 0; i < count && p + 12 <= e.length; i++, p += 12) {
            if (HeaderParser.u16(e, p, le) == 0x0112 && HeaderParser.u16(e, p + 2, le) == 3) {
                e[p + 8] = (byte) (le ? 1 : 0);
                e[p + 9] = (byte) (le ? 0 : 1);
            }
        }
        return e;
    }

    static byte[] uprightXmp(byte[] xmp) {
        if (xmp == null) {
            return null;
        }
        String s = new String(xmp, StandardCharsets.UTF_8);
        Matcher m = XMP_ORIENTATION.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rep = m.group(1) != null ? m.group(1) + "1" + m.group(2) : m.group(3) + "1" + m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The WebP with this metadata added: a simple ({@code VP8 }/{@code VP8L}) file becomes an extended one (VP8X)
     * followed by EXIF and XMP chunks; an extended one gets its flags set and the chunks appended.
     */
    public byte[] addTo(byte[] webp, int width, int height) {
        if (isEmpty() || webp.length < 20) {
            return webp;
        }
        String first = new String(webp, 12, 4, StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(webp.length + 1024);
        int flags = (exif != null ? 0x08 : 0) | (xmp != null ? 0x04 : 0);
        if (first.equals("VP8X")) {
            byte[] copy = webp.clone();
            copy[20] |= (byte) flags;
            body.write(copy, 12, copy.length - 12);
        } else {
            if (first.equals("VP8L") && webp.length > 24 && (webp[24] & 0x10) != 0) {
                flags |= 0x10; // alpha_is_used in the VP8L header
            }
            byte[] vp8x = new byte[18];
            System.arraycopy("VP8X".getBytes(StandardCharsets.ISO_8859_1), 0, vp8x, 0, 4);
            vp8x[4] = 10;
            vp8x[8] = (byte) flags;
            put24(vp8x, 12, width - 1);
            put24(vp8x, 15, height - 1);
            body.writeBytes(vp8x);
            body.write(webp, 12, webp.length - 12);
        }
        if (exif != null) {
            chunk(body, "EXIF", exif);
        }
        if (xmp != null) {
            chunk(body, "XMP ", xmp);
        }
        byte[] b = body.toByteArray();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        int size = 4 + b.length;
        out.writeBytes(new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        int n = data.length;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        out.writeBytes(data);
        if ((n & 1) == 1) {
            out.write(0);
        }
    }

    private static void put24(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
    }
}
