package dev.restow.media.internal;

import dev.restow.media.TargetKeyMode;
import dev.restow.reference.ObjectRef;
import java.util.Locale;

/** Where a WebP goes, and how its metadata names the object it was made from. */
public final class TargetKeys {
    /** User metadata naming the source key (percent-encoded: metadata is ASCII only). */
    public static final String SOURCE_KEY = "restow-source-key";
    /** User metadata holding the source object's ETag. */
    public static final String SOURCE_ETAG = "restow-source-etag";

    private TargetKeys() {
    }

    /** The target key in {@code mode}: {@code a/b.jpg} becomes {@code a/b.webp} or {@code a/b.jpg.webp}. */
    public static String target(String key, TargetKeyMode mode) {
        return mode == TargetKeyMode.APPEND ? appended(key) : replaced(key);
    }

    /** {@code a/b.jpg} to {@code a/b.webp}; a key without extension gets {@code .webp} appended. */
    public static String replaced(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        if (dot > slash + 1) {
            return key.substring(0, dot) + ".webp";
        }
        return key + ".webp";
    }

    public static String appended(String key) {
        return key + ".webp";
    }

    /** Whether a column value (URL or key) already names a {@code .webp}, ignoring a URL's query and fragment. */
    public static boolean looksLikeWebp(String value) {
        String v = value;
        if (v.contains("://")) {
            int cut = v.length();
            int q = v.indexOf('?');
            int h = v.indexOf('#');
            if (q >= 0) {
                cut = Math.min(cut, q);
            }
            if (h >= 0) {
                cut = Math.min(cut, h);
            }
            v = v.substring(0, cut);
        }
        return v.toLowerCase(Locale.ROOT).endsWith(".webp");
    }

    /** RFC 3986 percent-encoding keeping {@code /} and the unreserved set: ASCII-safe for metadata and LIKE. */
    public static String encode(String key) {
        return ObjectRef.encode(key);
    }
}
