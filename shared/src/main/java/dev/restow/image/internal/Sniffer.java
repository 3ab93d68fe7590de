package dev.restow.image.internal;

import dev.restow.image.ImageFormat;

/** Recognises image formats by their magic numbers. */
public final class Sniffer {
    private Sniffer() {
    }

    public static ImageFormat sniff(byte[] b) {
        return ImageFormat.UNKNOWN; // TODO
    }
}
