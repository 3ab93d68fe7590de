package dev.restow.image;

import java.util.Locale;

/** Image container formats recognised from the first bytes of a file (never from its name). */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    BMP("image/bmp"),
    TIFF("image/tiff"),
    WEBP("image/webp"),
    AVIF("image/avif"),
    HEIC("image/heic"),
    SVG("image/svg+xml"),
    JP2("image/jp2"),
    UNKNOWN("application/octet-stream");

    private final String mimeType;

    ImageFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    /** Lower-case name used in outcomes and logs: {@code jpeg}, {@code png}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format of a file from its first bytes (64 are plenty; fewer are fine). Never throws. */
    public static ImageFormat sniff(byte[] head) {
        return dev.restow.image.internal.Sniffer.sniff(head);
    }
}
