package dev.restow.aws.s3;

import dev.restow.media.Encryption;
import dev.restow.media.Grant;
import dev.restow.media.ObjectAcl;
import dev.restow.media.ObjectHeaders;
import dev.restow.media.ObjectInfo;
import dev.restow.media.ObjectStore;
import dev.restow.media.StoreException;
import dev.restow.media.WriteCondition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * {@link ObjectStore} on one S3 bucket (AWS or S3-compatible) with the SDK v2 synchronous client.
 *
 * <p>Error mapping: 404 is {@code NOT_FOUND}; 412 and 409 (a conditional write lost a race) are
 * {@code PRECONDITION_FAILED}; client-side trouble (connection refused, timeouts), 408, 429 and 5xx are
 * {@code TRANSIENT}; the rest (403, 400...) {@code PERMANENT}. Stores without tagging or ACL reads (S3Proxy, R2...:
 * 501 NotImplemented) read as "no tags" and "owner only". Thread-safe.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public ObjectInfo head(String key) throws StoreException {
        try {
            HeadObjectResponse r = s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return info(key, r);
        } catch (SdkException e) {
            throw map("HEAD", key, e);
        }
    }

    static ObjectInfo info(String key, HeadObjectResponse r) {
        Encryption sse = new Encryption(r.serverSideEncryptionAsString(), r.ssekmsKeyId(),
                Boolean.TRUE.equals(r.bucketKeyEnabled()));
        Map<String, String> metadata = new LinkedHashMap<>();
        r.metadata().forEach((k, v) -> metadata.put(k.toLowerCase(java.util.Locale.ROOT), v));
        ObjectHeaders headers = new ObjectHeaders(r.contentType(), r.cacheControl(), r.contentDisposition(),
                r.contentLanguage(), metadata, Map.of(), sse, ObjectAcl.ownerOnly(), r.storageClassAsString());
        int tagCount = r.tagCount() == null ? -1 : r.tagCount();
        return new ObjectInfo(key, r.contentLength() == null ? 0 : r.contentLength(), r.eTag(), headers, tagCount);
    }

    @Override
    public Map<String, String> tags(String key) throws StoreException {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return Map.of(); // the store has no tagging
            }
            throw map("GET tagging of", key, e);
        } catch (SdkException e) {
            throw map("GET tagging of", key, e);
        }
    }

    @Override
    public ObjectAcl acl(String key) throws StoreException {
        try {
            GetObjectAclResponse r = s3.getObjectAcl(b -> b.bucket(bucket).key(key));
            List<Grant> grants = new ArrayList<>();
            r.grants().forEach(g -> {
                if (g.grantee() == null || g.permission() == null) {
                    return;
                }
                Type type = g.grantee().type();
                if (type == Type.CANONICAL_USER) {
                    grants.add(new Grant("id", g.grantee().id(), g.permissionAsString()));
                } else if (type == Type.GROUP) {
                    grants.add(new Grant("uri", g.grantee().uri(), g.permissionAsString()));
                } else if (type == Type.AMAZON_CUSTOMER_BY_EMAIL) {
                    grants.add(new Grant("emailAddress", g.grantee().emailAddress(), g.permissionAsString()));
                }
            });
            return new ObjectAcl(r.owner() == null ? "" : r.owner().id(), grants);
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return ObjectAcl.ownerOnly(); // the store has no ACLs
            }
            throw map("GET acl of", key, e);
        } catch (SdkException e) {
            throw map("GET acl of", key, e);
        }
    }

    @Override
    public byte[] get(String key, String eTag) throws StoreException {
        try {
            GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(bucket).key(key);
            if (eTag != null && !eTag.isEmpty()) {
                b.ifMatch('"' + eTag + '"');
            }
            return s3.getObjectAsBytes(b.build()).asByteArrayUnsafe();
        } catch (SdkException e) {
            throw map("GET", key, e);
        }
    }

    @Override
    public String put(String key, byte[] body, ObjectHeaders headers, WriteCondition condition) throws StoreException {
        try {
            return s3.putObject(putRequest(bucket, key, headers, condition), RequestBody.fromBytes(body)).eTag()
                    .replace("\"", "");
        } catch (S3Exception e) {
            if (e.statusCode() == 412 && e.getSuppressed().length > 0) {
                // An earlier attempt of this very call failed on the wire (its failures are suppressed here) and
                // the SDK's retry met its own condition: that attempt may have landed. Ours if the bytes match.
                String landed = ownWrite(key, body);
                if (landed != null) {
                    return landed;
                }
            }
            throw map("PUT", key, e);
        } catch (SdkException e) {
            throw map("PUT", key, e);
        }
    }

    /**
     * The ETag of the object under {@code key} when it holds exactly {@code body} (single-part ETag = MD5),
     * else null. An object written with SSE-KMS has another ETag: then the 412 stands and the caller's
     * HEAD-and-compare logic decides.
     */
    private String ownWrite(String key, byte[] body) {
        try {
            String eTag = s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
            String current = eTag == null ? "" : eTag.replace("\"", "");
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
            return current.equalsIgnoreCase(md5) ? current : null;
        } catch (SdkException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The PUT request carrying every header of {@code headers}; only non-empty values are sent. */
    static PutObjectRequest putRequest(String bucket, String key, ObjectHeaders h, WriteCondition condition) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket).key(key);
        set(h.contentType(), b::contentType);
        set(h.cacheControl(), b::cacheControl);
        set(h.contentDisposition(), b::contentDisposition);
        set(h.contentLanguage(), b::contentLanguage);
        set(h.storageClass(), b::storageClass);
        if (!h.metadata().isEmpty()) {
            b.metadata(h.metadata());
        }
        if (!h.tags().isEmpty()) {
            b.tagging(Tagging.builder().tagSet(h.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
        }
        Encryption sse = h.encryption();
        if (!sse.isNone()) {
            b.serverSideEncryption(sse.algorithm());
            sse.kmsKey().ifPresent(b::ssekmsKeyId);
            if (sse.bucketKeyEnabled()) {
                b.bucketKeyEnabled(true);
            }
        }
        ObjectAcl acl = h.acl();
        if (acl.isPublicRead()) {
            b.acl(ObjectCannedACL.PUBLIC_READ);
        } else if (!acl.isOwnerOnly()) {
            // explicit grants replace the whole ACL: the owner's grants are listed too
            grants(acl, "READ", b::grantRead);
            grants(acl, "READ_ACP", b::grantReadACP);
            grants(acl, "WRITE_ACP", b::grantWriteACP);
            grants(acl, "FULL_CONTROL", b::grantFullControl);
        }
        if (condition.isIfAbsent()) {
            b.ifNoneMatch("*");
        }
        condition.ifMatchETag().ifPresent(e -> b.ifMatch('"' + e + '"'));
        return b.build();
    }

    private static void grants(ObjectAcl acl, String permission, java.util.function.Consumer<String> setter) {
        Predicate<Grant> match = g -> g.permission().equals(permission);
        String value = acl.grants().stream().filter(match).map(Grant::headerValue).collect(Collectors.joining(", "));
        if (!value.isEmpty()) {
            setter.accept(value);
        }
    }

    private static void set(String value, java.util.function.Consumer<String> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(value);
        }
    }

    @Override
    public void delete(String key) throws StoreException {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return;
            }
            throw map("DELETE", key, e);
        } catch (SdkException e) {
            throw map("DELETE", key, e);
        }
    }

    static StoreException map(String op, String key, SdkException e) {
        String what = op + " s3://" + key + ": ";
        if (e instanceof S3Exception s) {
            int status = s.statusCode();
            String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
            String message = what + status + (code == null || code.isEmpty() ? "" : " " + code);
            if (status == 404) {
                return new StoreException(StoreException.Kind.NOT_FOUND, message, e);
            }
            if (status == 412 || status == 409) {
                return new StoreException(StoreException.Kind.PRECONDITION_FAILED, message, e);
            }
            if (status == 408 || status == 429 || status >= 500 || s.isThrottlingException()) {
                return new StoreException(StoreException.Kind.TRANSIENT, message, e);
            }
            return new StoreException(StoreException.Kind.PERMANENT, message, e);
        }
        if (e instanceof SdkClientException) {
            return new StoreException(StoreException.Kind.TRANSIENT, what + e.getMessage(), e);
        }
        return new StoreException(e.retryable() ? StoreException.Kind.TRANSIENT : StoreException.Kind.PERMANENT,
                what + e.getMessage(), e);
    }
}
