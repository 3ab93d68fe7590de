package dev.restow.ecal.blob;

import java.time.Instant;

/** A read-only grant on a container's blobs, valid until {@link #expiresAt()}. */
public interface ReadGrant {

    /** A read-only SAS URL for one blob of the container. */
    SignedUrl url(String blobName);

    /** When the grant stops working. */
    Instant expiresAt();
}
