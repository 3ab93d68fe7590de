package dev.restow.cli.report;

import java.util.Objects;

/**
 * One converted image shown in the report: the original rendered to a PNG thumbnail, and the WebP, side by side.
 *
 * @param name          the object key
 * @param where         where the reference lives, e.g. {@code accounts_profile.avatar #3}
 * @param format        the original's format ({@code jpeg}, {@code png}...)
 * @param width         width of the WebP
 * @param height        height of the WebP
 * @param originalBytes size of the original
 * @param webpBytes     size of the WebP
 * @param originalUri   {@code data:image/png;base64,...} thumbnail of the original
 * @param webpUri       {@code data:image/webp;base64,...} the WebP itself (or a PNG thumbnail of it when large)
 */
public record ImagePair(String name, String where, String format, int width, int height, long originalBytes,
                        long webpBytes, String originalUri, String webpUri) {
    public ImagePair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(originalUri, "originalUri");
        Objects.requireNonNull(webpUri, "webpUri");
    }
}
