package dev.restow.outcome;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The project's one vocabulary of outcomes: {@code converted}, {@code skipped:<reason>},
 * {@code rejected:<reason>} and {@code failed:<reason>}. Used by the functions, the command
 * line, the ledgers and the logs.
 *
 * <p>A reason is lower-case words joined by {@code -}, optionally qualified by {@code :}
 * (for example {@code unsupported-format:avif}). {@code converted} carries no reason.
 */
public record Outcome(Status status, String reason) {

    private static final Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)*");
    private static final Outcome CONVERTED = new Outcome(Status.CONVERTED, "");

    public Outcome {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        if (status == Status.CONVERTED) {
            if (!reason.isEmpty()) {
                throw new IllegalArgumentException("a converted outcome has no reason, got '" + reason + "'");
            }
        } else if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("invalid " + status.label() + " reason '" + reason
                    + "': use lower-case words joined by '-', qualified by ':'");
        }
    }

    public static Outcome converted() {
        return CONVERTED;
    }

    public static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, reason);
    }

    public static Outcome rejected(String reason) {
        return new Outcome(Status.REJECTED, reason);
    }

    public static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, reason);
    }

    /** Parses the text form written by {@link #toString()}, e.g. {@code skipped:no-savings}. */
    public static Outcome parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty outcome: expected converted or <status>:<reason>");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            Status s = Status.parse(t);
            if (s != Status.CONVERTED) {
                throw new IllegalArgumentException("outcome '" + t + "' needs a reason: " + s.label() + ":<reason>");
            }
            return CONVERTED;
        }
        return new Outcome(Status.parse(t.substring(0, colon)), t.substring(colon + 1));
    }

    /** True for {@code failed}: the unit should be retried. */
    public boolean isRetryable() {
        return status == Status.FAILED;
    }

    /** True for every outcome but {@code failed}: a later run leaves the unit alone. */
    public boolean isFinal() {
        return status.isFinal();
    }

    public boolean is(Status s) {
        return status == s;
    }

    @Override
    public String toString() {
        return status == Status.CONVERTED ? status.label() : status.label() + ":" + reason;
    }
}
