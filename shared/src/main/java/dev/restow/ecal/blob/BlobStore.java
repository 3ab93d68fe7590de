package dev.restow.ecal.blob;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: one blob container in one storage account, in cloud-neutral terms. The ECAL migration
 * reads the source container and writes the cold one through it; the Azure adapter lives in
 * {@code functions-azure}.
 *
 * <p>Blob names are plain (decoded) names inside the container. Implementations throw
 * {@link BlobStoreException} whose {@link BlobStoreException#kind()} says whether a retry may help;
 * their messages never contain credentials or SAS tokens.
 */
public interface BlobStore {

    /** The container's URL, without any credential. */
    String containerUrl();

    /** The blob's URL, without any credential. */
    String blobUrl(String name);

    /**
     * One page of the blobs whose names start with {@code prefix} (recursively, no delimiter), in
     * name order, with length, ETag, Content-MD5 and metadata.
     *
     * @param continuation the token of the previous page, or null for the first
     * @param pageSize     at most this many blobs (1..5000)
     */
    BlobPage list(String prefix, String continuation, int pageSize);

    /** The blob's properties and metadata, or empty when it does not exist. */
    Optional<BlobProperties> properties(String name);

    /**
     * Starts a server-side copy of {@code source} (a URL readable with its SAS) into blob
     * {@code name} of this container.
     *
     * @param tier         access tier for the copy ({@code Hot}, {@code Cool}, {@code Cold}, {@code Archive}),
     *                     or "" for the account default
     * @param metadata     metadata of the copy (replaces the source's, as the service does when given any)
     * @param sourceIfMatch copy only while the source still has this ETag (else
     *                     {@link BlobStoreException.Kind#PRECONDITION_FAILED}); "" for no condition
     * @return the copy's id and its status as the start answered it
     */
    CopyState startCopy(String name, SignedUrl source, String tier, Map<String, String> metadata,
                        String sourceIfMatch);

    /** Aborts a pending copy; a copy that is no longer pending is left alone. */
    void abortCopy(String name, String copyId);

    /** Sets the blob's access tier. */
    void setTier(String name, String tier);

    /** Deletes the blob only while it still has {@code etag}. */
    DeleteOutcome deleteIfMatch(String name, String etag);

    /**
     * A read-only grant on this container's blobs that expires at {@code expiresAt}; each
     * {@link ReadGrant#url(String)} is a SAS URL another account can copy from. Minting may call the
     * service once (a user delegation key) and never more per grant.
     */
    ReadGrant grantRead(Instant expiresAt);

    /** What a conditional delete did. */
    enum DeleteOutcome {
        /** The blob was deleted. */
        DELETED,
        /** There was no such blob (deleted before, for example by an earlier attempt). */
        NOT_FOUND,
        /** The blob's ETag no longer matched: it changed, nothing was deleted. */
        CHANGED
    }
}
