package dev.restow.ecal.blob;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a HEAD on a blob tells.
 *
 * @param name         blob name
 * @param length       bytes
 * @param etag         ETag (quotes kept)
 * @param contentMd5   base64 Content-MD5, or ""
 * @param accessTier   access tier, or "" when the service does not say
 * @param lastModified last modification time
 * @param metadata     user metadata (names lower-cased)
 * @param copy         the last copy into this blob, or null when it was never a copy destination
 */
public record BlobProperties(String name, long length, String etag, String contentMd5, String accessTier,
                             Instant lastModified, Map<String, String> metadata, CopyState copy) {
    public BlobProperties {
        contentMd5 = contentMd5 == null ? "" : contentMd5;
        accessTier = accessTier == null ? "" : accessTier;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The last copy into this blob, if it was a copy destination. */
    public Optional<CopyState> lastCopy() {
        return Optional.ofNullable(copy);
    }
}
