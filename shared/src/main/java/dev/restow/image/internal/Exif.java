package dev.restow.image.internal;

/** Reads the orientation tag (0x0112) from a TIFF-structured EXIF block. */
final class Exif {

    private Exif() {
    }

    /** Orientation 1..8 from the EXIF TIFF structure in {@code b[start, end)}; 1 when absent or malformed. */
    static int orientation(byte[] b, int start, int end) {
        try {
            end = Math.min(end, b.length);
            if (end - start < 8) {
                return 1;
            }
            boolean le;
            if (b[start] == 'I' && b[start + 1] == 'I') {
                le = true;
            } else if (b[start] == 'M' && b[start + 1] == 'M') {
                le = false;
            } else {
                return 1;
            }
            long ifd = HeaderParser.u32(b, start + 4, le);
            if (ifd < 8 || start + ifd + 2 > end) {
                return 1;
            }
            int p = (int) (start + ifd);
            int count = HeaderParser.u16(b, p, le);
            p += 2;
            for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
                if (HeaderParser.u16(b, p, le) == 0x0112) {
                    int type = HeaderParser.u16(b, p + 2, le);
                    int v = type == 3 ? HeaderParser.u16(b, p + 8, le) : (int) HeaderParser.u32(b, p + 8, le);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
            return 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
    }
}
