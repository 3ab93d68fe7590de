package dev.restow.cli.demo;

import java.util.Objects;

/**
 * One image the demo uploads.
 *
 * @param name     file name (becomes the last part of the object key)
 * @param category what it exercises (the corpus MANIFEST category, or {@code generated-*})
 * @param bytes    its content
 */
record SampleImage(String name, String category, byte[] bytes) {
    SampleImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(bytes, "bytes");
    }
}
