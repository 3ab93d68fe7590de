package dev.restow.image.internal;

import dev.restow.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Recognises image formats by their magic numbers, never by a file name. */
public final class Sniffer {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JP2 = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', '\r', '\n', (byte) 0x87, '\n'};
    private static final byte[] J2K = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};
    private static final byte[] JXL_BOX = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', '\r', '\n', (byte) 0x87, '\n'};

    private Sniffer() {
    }

    public static ImageFormat sniff(byte[] b) {
        if (b == null || b.length < 2) {
            return ImageFormat.UNKNOWN;
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0xFF && b1 == 0xD8 && b.length >= 3 && (b[2] & 0xFF) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, 0, PNG)) {
            return ImageFormat.PNG;
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (b0 == 'B' && b1 == 'M' && b.length >= 18) {
            long dib = u32le(b, 14);
            if (dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) {
                return ImageFormat.BMP;
            }
        }
        if (b.length >= 4 && ((b0 == 'I' && b1 == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
                || (b0 == 'M' && b1 == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)))) {
            return ImageFormat.TIFF;
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (startsWith(b, 0, JP2) || startsWith(b, 0, J2K)) {
            return ImageFormat.JP2;
        }
        ImageFormat isobmff = isoBmff(b);
        if (isobmff != ImageFormat.UNKNOWN) {
            return isobmff;
        }
        if (looksLikeSvg(b)) {
            return ImageFormat.SVG;
        }
        return ImageFormat.UNKNOWN;
    }

    /**
     * Names an image format the codec does not model (JPEG XL, PSD, ICO, QOI, OpenEXR...), so that such files are
     * {@code skipped:unsupported-format:<name>} rather than {@code rejected:not-an-image}.
     */
    public static Optional<String> otherImageFormat(byte[] b) {
        if (b == null || b.length < 4) {
            return Optional.empty();
        }
        if ((b[0] & 0xFF) == 0xFF && b[1] == 0x0A || startsWith(b, 0, JXL_BOX)) {
            return Optional.of("jxl");
        }
        if (startsWith(b, 0, "8BPS")) {
            return Optional.of("psd");
        }
        if (b[0] == 0 && b[1] == 0 && (b[2] == 1 || b[2] == 2) && b[3] == 0 && b.length >= 6 && (b[4] != 0 || b[5] != 0)) {
            return Optional.of(b[2] == 1 ? "ico" : "cur");
        }
        if (startsWith(b, 0, "qoif")) {
            return Optional.of("qoi");
        }
        if ((b[0] & 0xFF) == 0x76 && (b[1] & 0xFF) == 0x2F && (b[2] & 0xFF) == 0x31 && (b[3] & 0xFF) == 0x01) {
            return Optional.of("exr");
        }
        if (startsWith(b, 0, "DDS ")) {
            return Optional.of("dds");
        }
        if (startsWith(b, 0, "#?RADIANCE") || startsWith(b, 0, "#?RGBE")) {
            return Optional.of("hdr");
        }
        if (startsWith(b, 0, "FORM") && b.length >= 12 && startsWith(b, 8, "ILBM")) {
            return Optional.of("iff");
        }
        return Optional.empty();
    }

    private static ImageFormat isoBmff(byte[] b) {
        if (b.length < 16 || !startsWith(b, 4, "ftyp")) {
            return ImageFormat.UNKNOWN;
        }
        long size = u32be(b, 0);
        int end = (int) Math.min(b.length, Math.max(16, Math.min(size, 4096)));
        boolean avif = false;
        boolean heif = false;
        for (int off = 8; off + 4 <= end; off += 4) {
            if (off == 12) {
                continue; // minor version
            }
            String brand = new String(b, off, 4, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            switch (brand) {
                case "avif", "avis" -> avif = true;
                case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "mif2" -> heif = true;
                default -> {
                }
            }
        }
        if (avif) {
            return ImageFormat.AVIF;
        }
        return heif ? ImageFormat.HEIC : ImageFormat.UNKNOWN;
    }

    private static boolean looksLikeSvg(byte[] b) {
        int n = Math.min(b.length, 4096);
        String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        int i = 0;
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            i = 3;
        }
        while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
            i++;
        }
        if (i >= head.length() || head.charAt(i) != '<') {
            return false;
        }
        String lower = head.substring(i).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<svg")) {
            return true;
        }
        return (lower.startsWith("<?xml") || lower.startsWith("<!--") || lower.startsWith("<!doctype svg"))
                && lower.contains("<svg");
    }

    static boolean startsWith(byte[] b, int off, byte[] magic) {
        if (b.length < off + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[off + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] b, int off, String magic) {
        return startsWith(b, off, magic.getBytes(StandardCharsets.ISO_8859_1));
    }

    static long u32le(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    static long u32be(byte[] b, int off) {
        return (b[off] & 0xFFL) << 24 | (b[off + 1] & 0xFFL) << 16 | (b[off + 2] & 0xFFL) << 8 | (b[off + 3] & 0xFFL);
    }
}
