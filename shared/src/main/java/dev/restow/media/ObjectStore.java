package dev.restow.media;

import java.util.Map;

/**
 * The port to the object store holding the images of one bucket. Cloud adapters implement it (S3 in
 * {@code functions-aws}); keys are plain (not percent-encoded). Implementations are thread-safe.
 *
 * <p>Every method throws {@link StoreException} whose {@link StoreException#kind() kind} separates a missing
 * object ({@code NOT_FOUND}), a write that lost a race ({@code PRECONDITION_FAILED}), trouble worth retrying
 * ({@code TRANSIENT}) and the rest ({@code PERMANENT}).
 */
public interface ObjectStore {

    /** HEAD: size, ETag, content headers, user metadata, encryption and the tag count. */
    ObjectInfo head(String key) throws StoreException;

    /** The object's tags (a separate call on S3). */
    Map<String, String> tags(String key) throws StoreException;

    /** The object's ACL (a separate call on S3). */
    ObjectAcl acl(String key) throws StoreException;

    /**
     * GET the whole object, only if it still has {@code eTag} (empty: any version).
     * A different version ends in {@code PRECONDITION_FAILED}.
     */
    byte[] get(String key, String eTag) throws StoreException;

    /**
     * PUT the object with its headers (content headers, metadata, tags, encryption, ACL, storage class) under a
     * condition.
     *
     * @return the new object's ETag
     */
    String put(String key, byte[] body, ObjectHeaders headers, WriteCondition condition) throws StoreException;

    /** DELETE; a missing object is not an error. */
    void delete(String key) throws StoreException;
}
