package dev.restow.ecal.blob;

import java.util.Objects;

/**
 * A storage call that did not succeed. The message names the operation, the blob and the service's
 * status and error code, never a credential or SAS token.
 */
public final class BlobStoreException extends RuntimeException {

    /** What kind of failure, which decides whether a retry may help. */
    public enum Kind {
        /** 404: no such blob or container. */
        NOT_FOUND,
        /** 412: a condition (If-Match, source If-Match) failed: the blob changed. */
        PRECONDITION_FAILED,
        /** 409: conflicts such as "no pending copy". */
        CONFLICT,
        /** 401/403: not allowed (bad or expired SAS, missing role). */
        FORBIDDEN,
        /** Timeouts, connection failures, 408/429/5xx: worth retrying. */
        TRANSIENT,
        /** Anything else (400...). */
        OTHER
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;

    public BlobStoreException(Kind kind, int status, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The service's error code (for example {@code CannotVerifyCopySource}), or "". */
    public String errorCode() {
        return errorCode;
    }

    /** Whether trying again later may succeed. */
    public boolean transientFailure() {
        return kind == Kind.TRANSIENT;
    }
}
