package dev.restow.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an upload carries besides its bytes, and what HEAD reports of an object. Empty strings mean "not set".
 *
 * @param contentType        e.g. {@code image/webp}
 * @param cacheControl       kept from the original
 * @param contentDisposition kept from the original
 * @param contentLanguage    kept from the original
 * @param metadata           user metadata ({@code x-amz-meta-*}), names lower-case
 * @param tags               object tags (filled by {@link ObjectStore#tags(String)}; HEAD only counts them)
 * @param encryption         server-side encryption
 * @param acl                access control list (filled by {@link ObjectStore#acl(String)}; HEAD does not report it)
 * @param storageClass       e.g. {@code STANDARD_IA}; empty for the bucket's default
 */
public record ObjectHeaders(String contentType, String cacheControl, String contentDisposition, String contentLanguage,
                            Map<String, String> metadata, Map<String, String> tags, Encryption encryption,
                            ObjectAcl acl, String storageClass) {

    public ObjectHeaders {
        contentType = nz(contentType);
        cacheControl = nz(cacheControl);
        contentDisposition = nz(contentDisposition);
        contentLanguage = nz(contentLanguage);
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        encryption = encryption == null ? Encryption.none() : encryption;
        acl = acl == null ? ObjectAcl.ownerOnly() : acl;
        storageClass = nz(storageClass);
    }

    /** Only a content type; everything else unset. */
    public static ObjectHeaders of(String contentType) {
        return new ObjectHeaders(contentType, "", "", "", Map.of(), Map.of(), Encryption.none(), ObjectAcl.ownerOnly(), "");
    }

    public ObjectHeaders withContentType(String value) {
        return new ObjectHeaders(value, cacheControl, contentDisposition, contentLanguage, metadata, tags, encryption,
                acl, storageClass);
    }

    public ObjectHeaders withCacheControl(String value) {
        return new ObjectHeaders(contentType, value, contentDisposition, contentLanguage, metadata, tags, encryption,
                acl, storageClass);
    }

    public ObjectHeaders withContentDisposition(String value) {
        return new ObjectHeaders(contentType, cacheControl, value, contentLanguage, metadata, tags, encryption,
                acl, storageClass);
    }

    public ObjectHeaders withMetadata(Map<String, String> value) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentLanguage, value, tags, encryption,
                acl, storageClass);
    }

    /** This object's metadata plus {@code name: value} (replacing an entry of that name). */
    public ObjectHeaders withMetadata(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return withMetadata(m);
    }

    public ObjectHeaders withTags(Map<String, String> value) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentLanguage, metadata, value,
                encryption, acl, storageClass);
    }

    public ObjectHeaders withEncryption(Encryption value) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentLanguage, metadata, tags, value,
                acl, storageClass);
    }

    public ObjectHeaders withAcl(ObjectAcl value) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentLanguage, metadata, tags,
                encryption, value, storageClass);
    }

    public ObjectHeaders withStorageClass(String value) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentLanguage, metadata, tags,
                encryption, acl, value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
