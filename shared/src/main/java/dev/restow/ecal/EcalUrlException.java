package dev.restow.ecal;

import dev.restow.outcome.Outcome;
import java.util.Objects;

/**
 * An ECAL record that cannot be migrated as it is: its outcome is {@code rejected:<reason>} and the
 * message says why, naming the URL without any query string.
 */
public final class EcalUrlException extends RuntimeException {
    private final String reason;

    public EcalUrlException(String reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason word, e.g. {@code foreign-account}. */
    public String reason() {
        return reason;
    }

    /** {@code rejected:<reason>}. */
    public Outcome outcome() {
        return Outcome.rejected(reason);
    }
}
