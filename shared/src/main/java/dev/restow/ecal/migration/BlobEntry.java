package dev.restow.ecal.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * A blob of a directory as listed: what every later step checks against.
 *
 * @param path   name relative to the directory
 * @param length bytes
 * @param etag   ETag at listing time
 * @param md5      base64 Content-MD5, or "" when the source has none
 * @param metadata the source's user metadata, carried onto the copy (left out of the JSON when empty, as
 *                 it nearly always is, to keep orchestration history small)
 */
public record BlobEntry(String path, long length, String etag, String md5,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> metadata) {
    public BlobEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(etag, "etag");
        md5 = md5 == null ? "" : md5;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** An entry without metadata. */
    public static BlobEntry of(String path, long length, String etag, String md5) {
        return new BlobEntry(path, length, etag, md5, Map.of());
    }
}
