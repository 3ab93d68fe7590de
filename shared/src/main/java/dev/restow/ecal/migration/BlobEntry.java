package dev.restow.ecal.migration;

import java.util.Objects;

/**
 * A blob of a directory as listed: what every later step checks against.
 *
 * @param path   name relative to the directory
 * @param length bytes
 * @param etag   ETag at listing time
 * @param md5    base64 Content-MD5, or "" when the source has none
 */
public record BlobEntry(String path, long length, String etag, String md5) {
    public BlobEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(etag, "etag");
        md5 = md5 == null ? "" : md5;
    }
}
