package dev.restow.reference;

/** How a column value names an object; a rewritten value keeps the original's form. */
public enum ReferenceForm {
    /** {@code photos/a.jpg}: a key relative to the bucket, as Django's FileField stores it. */
    BARE_KEY,
    /** {@code s3://bucket/photos/a.jpg}. */
    S3_URI,
    /** {@code https://bucket.s3.amazonaws.com/photos/a.jpg}, regional and dual-stack variants. */
    VIRTUAL_HOSTED,
    /** {@code https://s3.amazonaws.com/bucket/photos/a.jpg}, regional variants. */
    PATH_STYLE,
    /** {@code https://endpoint/bucket/photos/a.jpg} on the configured S3-compatible endpoint. */
    ENDPOINT_PATH,
    /** {@code https://bucket.endpoint/photos/a.jpg} on the configured S3-compatible endpoint. */
    ENDPOINT_HOST,
    /** {@code https://cdn.example.com/media/photos/a.jpg} under a configured public prefix. */
    PUBLIC_PREFIX
}
