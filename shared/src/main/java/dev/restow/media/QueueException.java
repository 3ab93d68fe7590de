package dev.restow.media;

/** A queue call that did not succeed; {@link #isTransient()} when worth retrying later. */
public final class QueueException extends Exception {
    private final boolean transientFailure;

    public QueueException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public QueueException(String message, boolean transientFailure) {
        this(message, transientFailure, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
