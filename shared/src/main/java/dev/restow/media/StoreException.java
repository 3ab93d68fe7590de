package dev.restow.media;

import java.util.Objects;

/**
 * A storage call that did not succeed. {@link #kind()} tells the caller what to do: a missing object is final,
 * transient trouble is retried, a failed write condition means someone else wrote first.
 */
public final class StoreException extends Exception {

    /** Why the call did not succeed. */
    public enum Kind {
        /** The object (or bucket) does not exist. */
        NOT_FOUND,
        /** A conditional write or read did not hold ({@code If-None-Match}/{@code If-Match}: HTTP 412 or 409). */
        PRECONDITION_FAILED,
        /** Unreachable, throttled, timed out or a server error: worth retrying later. */
        TRANSIENT,
        /** Refused (credentials, policy, encryption key) or otherwise not retryable as is. */
        PERMANENT
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    public boolean isPreconditionFailed() {
        return kind == Kind.PRECONDITION_FAILED;
    }
}
