package dev.restow.media;

import java.util.Objects;

/**
 * What HEAD tells about one object.
 *
 * @param key      the object key
 * @param size     content length in bytes
 * @param eTag     entity tag, without quotes
 * @param headers  content headers, user metadata and encryption (tags and ACL not filled: see {@link ObjectStore})
 * @param tagCount how many tags the object has (0 when the store does not say)
 */
public record ObjectInfo(String key, long size, String eTag, ObjectHeaders headers, int tagCount) {
    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        eTag = eTag == null ? "" : stripQuotes(eTag);
        headers = headers == null ? ObjectHeaders.of("") : headers;
    }

    /** A user metadata value, or {@code ""}. */
    public String metadata(String name) {
        return headers.metadata().getOrDefault(name, "");
    }

    private static String stripQuotes(String e) {
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
