package dev.restow.image.internal;

import dev.restow.image.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads what an image's header declares (size, frames, orientation, colour hints) and checks the container's
 * structure (JPEG markers up to EOI, PNG chunks and CRCs up to IEND, GIF blocks), without decoding any pixel and
 * without allocating anything in proportion to the declared size.
 */
public final class HeaderParser {

    /** Largest ICC profile inflated from a PNG iCCP chunk; larger ones are ignored (treated as absent). */
    static final int MAX_ICC_BYTES = 8 << 20;
    private static final int MAX_TIFF_ENTRIES = 4096;

    private HeaderParser() {
    }

    /** Parses the header of {@code b}, already sniffed as {@code format}. */
    public static Header parse(ImageFormat format, byte[] b) throws ImageProblem {
        try {
            return switch (format) {
                case JPEG -> jpeg(b);
                case PNG -> png(b);
                case GIF -> gif(b);
                case BMP -> bmp(b);
                case TIFF -> tiff(b);
                case WEBP -> webp(b);
                case AVIF, HEIC -> isoBmff(format, b);
                case JP2 -> jp2(b);
                case SVG, UNKNOWN -> Header.still(format, 0, 0);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw ImageProblem.corrupt(format.label() + " header ends early");
        }
    }

    // ---------------------------------------------------------------- JPEG

    static Header jpeg(byte[] b) throws ImageProblem {
        int n = b.length;
        int pos = 2;
        int orientation = 1;
        boolean exifSeen = false;
        boolean sof = false;
        boolean icc = false;
        long w = 0;
        long h = 0;
        int components = 0;
        String defect = null;
        try {
            while (true) {
                if (pos + 1 >= n) {
                    throw ImageProblem.corrupt("jpeg truncated: no EOI marker");
                }
                if ((b[pos] & 0xFF) != 0xFF) {
                    throw ImageProblem.corrupt("jpeg: expected a marker at offset " + pos);
                }
                int marker = b[pos + 1] & 0xFF;
                if (marker == 0xFF) {
                    pos++; // fill byte
                    continue;
                }
                if (marker == 0xD9) {
                    break; // EOI of the primary image
                }
                if (marker == 0xD8 || marker == 0x00) {
                    throw ImageProblem.corrupt("jpeg: unexpected marker 0x" + Integer.toHexString(marker));
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                if (pos + 3 >= n) {
                    throw ImageProblem.corrupt("jpeg truncated in a marker segment");
                }
                int len = u16be(b, pos + 2);
                if (len < 2) {
                    throw ImageProblem.corrupt("jpeg: bad segment length " + len);
                }
                int segEnd = pos + 2 + len;
                if (segEnd > n) {
                    throw ImageProblem.corrupt("jpeg truncated in a marker segment");
                }
                if (isSof(marker)) {
                    if (!sof) {
                        if (len < 8) {
                            throw ImageProblem.corrupt("jpeg: short SOF segment");
                        }
                        h = u16be(b, pos + 5);
                        w = u16be(b, pos + 7);
                        components = b[pos + 9] & 0xFF;
                        sof = true;
                    }
                } else if (marker == 0xE1 && !exifSeen && len >= 8 && Sniffer.startsWith(b, pos + 4, "Exif")) {
                    exifSeen = true;
                    orientation = Exif.orientation(b, pos + 10, segEnd);
                } else if (marker == 0xE2 && Sniffer.startsWith(b, pos + 4, "ICC_PROFILE")) {
                    icc = true;
                } else if (marker == 0xDA) {
                    if (!sof) {
                        throw ImageProblem.corrupt("jpeg: scan before any SOF");
                    }
                    pos = skipEntropyCoded(b, segEnd);
                    continue;
                }
                pos = segEnd;
            }
        } catch (ImageProblem e) {
            if (!sof) {
                throw e;
            }
            defect = e.getMessage();
        }
        if (!sof) {
            throw ImageProblem.corrupt("jpeg: no SOF segment");
        }
        if (w == 0 || h == 0) {
            throw ImageProblem.corrupt("jpeg: zero width or height in SOF");
        }
        return new Header(ImageFormat.JPEG, w, h, w * h, 1, false, orientation, 0, 0, components, icc, null, false,
                defect);
    }

    private static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    /** Returns the offset of the first marker after entropy-coded data starting at {@code pos}. */
    private static int skipEntropyCoded(byte[] b, int pos) throws ImageProblem {
        int n = b.length - 1;
        while (pos < n) {
            if (b[pos] != (byte) 0xFF) {
                pos++;
                continue;
            }
            int next = b[pos + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2;
            } else if (next == 0xFF) {
                pos++;
            } else {
                return pos;
            }
        }
        throw ImageProblem.corrupt("jpeg truncated: entropy-coded data runs to the end of the file, no EOI marker");
    }

    // ---------------------------------------------------------------- PNG

    static Header png(byte[] b) throws ImageProblem {
        int n = b.length;
        if (n < 33 || !Sniffer.startsWith(b, 12, "IHDR") || u32be(b, 8) != 13) {
            throw ImageProblem.corrupt("png: first chunk is not a 13-byte IHDR");
        }
        long w = u32be(b, 16);
        long h = u32be(b, 20);
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw ImageProblem.corrupt("png: invalid size " + w + "x" + h + " in IHDR");
        }
        long maxPixels = w * h;
        int frames = 1;
        boolean actl = false;
        boolean idat = false;
        boolean iend = false;
        boolean srgb = false;
        boolean iccChunk = false;
        byte[] icc = null;
        int orientation = 1;
        CRC32 crc = new CRC32();
        int pos = 8;
        String defect = null;
        try {
            while (pos + 8 <= n) {
                long len = u32be(b, pos);
                if (len > Integer.MAX_VALUE) {
                    throw ImageProblem.corrupt("png: chunk length " + len + " out of range");
                }
                int data = pos + 8;
                long end = data + len + 4;
                if (end > n) {
                    throw ImageProblem.corrupt("png truncated: chunk at offset " + pos + " runs past the end of the file");
                }
                boolean critical = (b[pos + 4] & 0x20) == 0;
                crc.reset();
                crc.update(b, pos + 4, (int) len + 4);
                boolean crcOk = crc.getValue() == u32be(b, (int) (data + len));
                if (!crcOk && critical) {
                    throw ImageProblem.corrupt("png: CRC mismatch in critical chunk "
                            + new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (crcOk) {
                    switch (type) {
                        case "IDAT" -> idat = true;
                        case "IEND" -> iend = true;
                        case "acTL" -> {
                            if (!idat && len >= 8) {
                                actl = true;
                                frames = (int) Math.min(Integer.MAX_VALUE, u32be(b, data));
                            }
                        }
                        case "fcTL" -> {
                            if (len >= 12) {
                                maxPixels = Math.max(maxPixels, u32be(b, data + 4) * u32be(b, data + 8));
                            }
                        }
                        case "iCCP" -> {
                            iccChunk = true;
                            icc = inflateIccp(b, data, (int) len);
                        }
                        case "sRGB" -> srgb = true;
                        case "eXIf" -> orientation = Exif.orientation(b, data, (int) (data + len));
                        default -> {
                        }
                    }
                }
                pos = (int) end;
                if (iend) {
                    break;
                }
            }
            if (!iend) {
                throw ImageProblem.corrupt("png truncated: no IEND chunk");
            }
            if (!idat) {
                throw ImageProblem.corrupt("png: no IDAT chunk");
            }
        } catch (ImageProblem e) {
            defect = e.getMessage();
        }
        boolean animated = actl && frames > 1;
        return new Header(ImageFormat.PNG, w, h, maxPixels, animated ? frames : 1, animated, orientation, 0, 0,
                0, iccChunk, icc, srgb, defect);
    }

    private static byte[] inflateIccp(byte[] b, int data, int len) {
        int end = data + len;
        int p = data;
        while (p < end && p - data < 80 && b[p] != 0) {
            p++;
        }
        if (p + 2 > end || b[p] != 0 || b[p + 1] != 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, p + 2, end - p - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_ICC_BYTES, 4 * len + 1024));
            byte[] buf = new byte[16384];
            while (!inflater.finished()) {
                int k = inflater.inflate(buf);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buf, 0, k);
                if (out.size() > MAX_ICC_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    // ---------------------------------------------------------------- GIF

    static Header gif(byte[] b) throws ImageProblem {
        int n = b.length;
        if (n < 13) {
            throw ImageProblem.corrupt("gif header ends early");
        }
        long w = u16le(b, 6);
        long h = u16le(b, 8);
        int flags = b[10] & 0xFF;
        int pos = 13;
        if ((flags & 0x80) != 0) {
            pos += 3 * (1 << ((flags & 7) + 1));
        }
        long maxPixels = w * h;
        int frames = 0;
        int fx = 0;
        int fy = 0;
        long fw = 0;
        long fh = 0;
        String defect = null;
        try {
            scan:
            while (true) {
                if (pos >= n) {
                    if (frames == 0) {
                        throw ImageProblem.corrupt("gif truncated: no image data");
                    }
                    break; // a missing trailer after complete frames is tolerated, as browsers do
                }
                int block = b[pos] & 0xFF;
                switch (block) {
                    case 0x3B -> {
                        break scan;
                    }
                    case 0x21 -> {
                        pos = skipSubBlocks(b, pos + 2, frames);
                        if (pos < 0) {
                            break scan;
                        }
                    }
                    case 0x2C -> {
                        if (pos + 10 > n) {
                            throw ImageProblem.corrupt("gif truncated in an image descriptor");
                        }
                        int left = u16le(b, pos + 1);
                        int top = u16le(b, pos + 3);
                        long iw = u16le(b, pos + 5);
                        long ih = u16le(b, pos + 7);
                        int iflags = b[pos + 9] & 0xFF;
                        maxPixels = Math.max(maxPixels, iw * ih);
                        if (frames == 0) {
                            fx = left;
                            fy = top;
                            fw = iw;
                            fh = ih;
                        }
                        frames++;
                        pos += 10;
                        if ((iflags & 0x80) != 0) {
                            pos += 3 * (1 << ((iflags & 7) + 1));
                        }
                        pos = skipSubBlocks(b, pos + 1, frames - 1);
                        if (pos < 0) {
                            break scan;
                        }
                    }
                    case 0x00 -> pos++;
                    default -> {
                        if (frames == 0) {
                            throw ImageProblem.corrupt("gif: unknown block 0x" + Integer.toHexString(block));
                        }
                        break scan;
                    }
                }
            }
            if (frames == 0) {
                throw ImageProblem.corrupt("gif: no image");
            }
        } catch (ImageProblem e) {
            if (w == 0 || h == 0) {
                throw e;
            }
            defect = e.getMessage();
        }
        if (w == 0 || h == 0) {
            // some encoders write a zero logical screen: the first frame defines the canvas
            w = fx + fw;
            h = fy + fh;
            maxPixels = Math.max(maxPixels, w * h);
        }
        if (w == 0 || h == 0) {
            throw ImageProblem.corrupt("gif: zero size");
        }
        return new Header(ImageFormat.GIF, w, h, maxPixels, frames, frames > 1, 1, fx, fy, 0, false, null, false,
                defect);
    }

    /**
     * Skips data sub-blocks; returns the offset after the terminator, or -1 when the file ends in them after at
     * least one complete frame (then the caller stops), or throws when the first frame is incomplete.
     */
    private static int skipSubBlocks(byte[] b, int pos, int completeFrames) throws ImageProblem {
        int n = b.length;
        while (true) {
            if (pos >= n) {
                if (completeFrames >= 1) {
                    return -1;
                }
                throw ImageProblem.corrupt("gif truncated in image data");
            }
            int size = b[pos] & 0xFF;
            pos++;
            if (size == 0) {
                return pos;
            }
            pos += size;
        }
    }

    // ---------------------------------------------------------------- BMP

    static Header bmp(byte[] b) throws ImageProblem {
        int n = b.length;
        if (n < 26) {
            throw ImageProblem.corrupt("bmp header ends early");
        }
        long dataOffset = u32le(b, 10);
        long dib = u32le(b, 14);
        long w;
        long h;
        int bpp;
        long compression;
        if (dib == 12) {
            w = u16le(b, 18);
            h = u16le(b, 20);
            bpp = u16le(b, 24);
            compression = 0;
        } else {
            if (n < 34) {
                throw ImageProblem.corrupt("bmp header ends early");
            }
            w = (int) u32le(b, 18);
            h = Math.abs((long) (int) u32le(b, 22));
            bpp = u16le(b, 28);
            compression = u32le(b, 30);
        }
        if (w <= 0 || h == 0) {
            throw ImageProblem.corrupt("bmp: invalid size " + w + "x" + h);
        }
        if (compression == 0 || compression == 3 || compression == 6) {
            if (bpp != 1 && bpp != 2 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) {
                throw ImageProblem.corrupt("bmp: invalid bit depth " + bpp);
            }
            long rowBytes = ((w * bpp + 31) / 32) * 4;
            // compare before multiplying would overflow: a bomb is caught by the pixel limit, not here
            if (h <= Long.MAX_VALUE / Math.max(1, rowBytes) && dataOffset + rowBytes * h > n
                    && w * h <= Integer.MAX_VALUE) {
                return Header.still(ImageFormat.BMP, w, h).withDefect("bmp truncated: pixel data needs "
                        + (dataOffset + rowBytes * h) + " bytes, file has " + n);
            }
        }
        return Header.still(ImageFormat.BMP, w, h);
    }

    // ---------------------------------------------------------------- TIFF

    static Header tiff(byte[] b) throws ImageProblem {
        boolean le = b[0] == 'I';
        boolean big = (le ? u16le(b, 2) : u16be(b, 2)) == 43;
        long ifd = big ? u64(b, 8, le) : u32(b, 4, le);
        if (ifd < 8 || ifd >= b.length) {
            throw ImageProblem.corrupt("tiff: first IFD offset " + ifd + " out of range");
        }
        int p = (int) ifd;
        long count = big ? u64(b, p, le) : u16(b, p, le);
        p += big ? 8 : 2;
        if (count == 0 || count > MAX_TIFF_ENTRIES) {
            throw ImageProblem.corrupt("tiff: IFD with " + count + " entries");
        }
        int entrySize = big ? 20 : 12;
        long w = 0;
        long h = 0;
        int orientation = 1;
        boolean icc = false;
        for (int i = 0; i < count; i++) {
            int e = p + i * entrySize;
            int tag = u16(b, e, le);
            int type = u16(b, e + 2, le);
            int valueAt = e + (big ? 12 : 8);
            long value = type == 3 ? u16(b, valueAt, le) : (type == 4 ? u32(b, valueAt, le)
                    : (type == 16 ? u64(b, valueAt, le) : -1));
            switch (tag) {
                case 256 -> w = value;
                case 257 -> h = value;
                case 274 -> orientation = value >= 1 && value <= 8 ? (int) value : 1;
                case 34675 -> icc = true;
                default -> {
                }
            }
        }
        if (w <= 0 || h <= 0) {
            throw ImageProblem.corrupt("tiff: no valid ImageWidth/ImageLength in the first IFD");
        }
        return new Header(ImageFormat.TIFF, w, h, w * h, 1, false, orientation, 0, 0, 0, icc, null, false, null);
    }

    // ---------------------------------------------------------------- WebP

    static Header webp(byte[] b) throws ImageProblem {
        if (b.length < 30) {
            throw ImageProblem.corrupt("webp header ends early");
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        long w;
        long h;
        boolean animated = false;
        switch (chunk) {
            case "VP8X" -> {
                animated = (b[20] & 0x02) != 0;
                w = 1 + u24le(b, 24);
                h = 1 + u24le(b, 27);
            }
            case "VP8 " -> {
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw ImageProblem.corrupt("webp: bad VP8 start code");
                }
                w = u16le(b, 26) & 0x3FFF;
                h = u16le(b, 28) & 0x3FFF;
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    throw ImageProblem.corrupt("webp: bad VP8L signature");
                }
                long bits = u32le(b, 21);
                w = 1 + (bits & 0x3FFF);
                h = 1 + ((bits >> 14) & 0x3FFF);
            }
            default -> throw ImageProblem.corrupt("webp: unknown first chunk '" + chunk + "'");
        }
        return new Header(ImageFormat.WEBP, w, h, w * h, animated ? 2 : 1, animated, 1, 0, 0, 0, false, null, false, null);
    }

    // ---------------------------------------------------------------- AVIF / HEIC (ISO BMFF)

    static Header isoBmff(ImageFormat format, byte[] b) throws ImageProblem {
        long[] best = new long[3]; // w, h, max pixels
        walkBoxes(b, 0, b.length, 0, best);
        return new Header(format, best[0], best[1], best[2], 1, false, 1, 0, 0, 0, false, null, false, null);
    }

    private static void walkBoxes(byte[] b, int start, int end, int depth, long[] best) throws ImageProblem {
        if (depth > 6) {
            return;
        }
        int p = start;
        int boxes = 0;
        while (p + 8 <= end && boxes++ < 10_000) {
            long size = u32be(b, p);
            String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (p + 16 > end) {
                    return;
                }
                size = u64(b, p + 8, false);
                header = 16;
            } else if (size == 0) {
                size = end - p;
            }
            if (size < header || p + size > end) {
                size = end - p; // truncated box: look inside what is there
            }
            int boxEnd = (int) (p + size);
            switch (type) {
                case "meta" -> walkBoxes(b, p + header + 4, boxEnd, depth + 1, best);
                case "iprp", "ipco" -> walkBoxes(b, p + header, boxEnd, depth + 1, best);
                case "ispe" -> {
                    if (p + header + 12 <= boxEnd) {
                        long w = u32be(b, p + header + 4);
                        long h = u32be(b, p + header + 8);
                        if (w * h > best[2]) {
                            best[0] = w;
                            best[1] = h;
                            best[2] = w * h;
                        }
                    }
                }
                default -> {
                }
            }
            p = boxEnd;
        }
    }

    // ---------------------------------------------------------------- JPEG 2000

    static Header jp2(byte[] b) throws ImageProblem {
        if ((b[0] & 0xFF) == 0xFF) { // raw codestream: SIZ follows SOC
            long xs = u32be(b, 8);
            long ys = u32be(b, 12);
            long xo = u32be(b, 16);
            long yo = u32be(b, 20);
            return Header.still(ImageFormat.JP2, Math.max(0, xs - xo), Math.max(0, ys - yo));
        }
        int p = 0;
        int boxes = 0;
        while (p + 8 <= b.length && boxes++ < 1000) {
            long size = u32be(b, p);
            String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if ("jp2h".equals(type)) {
                int q = p + 8;
                if (q + 16 <= b.length && Sniffer.startsWith(b, q + 4, "ihdr")) {
                    long h = u32be(b, q + 8);
                    long w = u32be(b, q + 12);
                    return Header.still(ImageFormat.JP2, w, h);
                }
                break;
            }
            if (size < 8) {
                break;
            }
            p += (int) Math.min(size, Integer.MAX_VALUE - p);
        }
        return Header.still(ImageFormat.JP2, 0, 0);
    }

    // ---------------------------------------------------------------- bytes

    static int u16be(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    static int u16le(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static long u24le(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16;
    }

    static long u32be(byte[] b, int off) {
        return Sniffer.u32be(b, off);
    }

    static long u32le(byte[] b, int off) {
        return Sniffer.u32le(b, off);
    }

    static int u16(byte[] b, int off, boolean le) {
        return le ? u16le(b, off) : u16be(b, off);
    }

    static long u32(byte[] b, int off, boolean le) {
        return le ? u32le(b, off) : u32be(b, off);
    }

    static long u64(byte[] b, int off, boolean le) {
        long hi = le ? u32le(b, off + 4) : u32be(b, off);
        long lo = le ? u32le(b, off) : u32be(b, off + 4);
        long v = hi << 32 | lo;
        return v < 0 ? Long.MAX_VALUE : v;
    }
}
