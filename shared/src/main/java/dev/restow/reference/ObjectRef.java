package dev.restow.reference;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed column value: which object of the bucket it names, and how it was written, so that
 * {@link #withKey(String)} writes a new key in exactly the same form.
 */
public final class ObjectRef {
    private final String value;
    private final String bucket;
    private final String key;
    private final ReferenceForm form;
    private final String rawPrefix;
    private final String suffix;
    private final boolean encoded;

    ObjectRef(String value, String bucket, String key, ReferenceForm form, String rawPrefix, String suffix,
              boolean encoded) {
        this.value = value;
        this.bucket = bucket;
        this.key = key;
        this.form = form;
        this.rawPrefix = rawPrefix;
        this.suffix = suffix;
        this.encoded = encoded;
    }

    /** The column value as read. */
    public String value() {
        return value;
    }

    public String bucket() {
        return bucket;
    }

    /** The object key, percent-decoded. */
    public String key() {
        return key;
    }

    public ReferenceForm form() {
        return form;
    }

    /** The file extension of the key, lower-case, without the dot; empty when there is none. */
    public String extension() {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash + 1 && dot < key.length() - 1 ? key.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The column value naming {@code newKey} in the same form as this one (same host, prefix, encoding, query). */
    public String withKey(String newKey) {
        Objects.requireNonNull(newKey, "newKey");
        boolean needsEncoding = !newKey.equals(encode(newKey));
        String raw = (encoded || (needsEncoding && form != ReferenceForm.BARE_KEY)) ? encode(newKey) : newKey;
        return rawPrefix + raw + suffix;
    }

    /** RFC 3986 percent-encoding of a key, keeping {@code /} and the unreserved set (ASCII-safe). */
    public static String encode(String key) {
        StringBuilder sb = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectRef r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectRef[" + form + " s3://" + bucket + "/" + key + "]";
    }
}
