package dev.restow.media;

/** How the WebP's key is derived from the original's. */
public enum TargetKeyMode {
    /** {@code photos/a.jpg} becomes {@code photos/a.webp} (the original tool's default). */
    REPLACE_EXTENSION,
    /** {@code photos/a.jpg} becomes {@code photos/a.jpg.webp} (the original's {@code replace_original=False}). */
    APPEND
}
