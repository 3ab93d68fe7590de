package dev.restow.reference;

import dev.restow.outcome.Outcome;
import java.util.Objects;

/** A column value that does not name an object of the configured bucket. Never retried. */
public final class ReferenceException extends Exception {
    private final Outcome outcome;

    public ReferenceException(Outcome outcome, String message) {
        super(message);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** {@code rejected:foreign-bucket} or {@code rejected:bad-url}. */
    public Outcome outcome() {
        return outcome;
    }
}
