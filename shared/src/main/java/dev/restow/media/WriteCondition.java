package dev.restow.media;

import java.util.Optional;

/**
 * A condition on an upload, so that two writers never silently replace each other's object.
 * Unmet conditions end in {@link StoreException.Kind#PRECONDITION_FAILED}.
 */
public final class WriteCondition {
    private static final WriteCondition NONE = new WriteCondition(false, null);
    private static final WriteCondition ABSENT = new WriteCondition(true, null);

    private final boolean ifAbsent;
    private final String ifMatch;

    private WriteCondition(boolean ifAbsent, String ifMatch) {
        this.ifAbsent = ifAbsent;
        this.ifMatch = ifMatch;
    }

    /** Unconditional. */
    public static WriteCondition none() {
        return NONE;
    }

    /** Only if no object exists under the key ({@code If-None-Match: *}). */
    public static WriteCondition ifAbsent() {
        return ABSENT;
    }

    /** Only if the existing object still has this ETag ({@code If-Match}). */
    public static WriteCondition ifMatch(String eTag) {
        if (eTag == null || eTag.isEmpty()) {
            throw new IllegalArgumentException("ifMatch needs an ETag");
        }
        return new WriteCondition(false, eTag);
    }

    public boolean isIfAbsent() {
        return ifAbsent;
    }

    public Optional<String> ifMatchETag() {
        return Optional.ofNullable(ifMatch);
    }

    @Override
    public String toString() {
        return ifAbsent ? "if-absent" : ifMatch != null ? "if-match " + ifMatch : "none";
    }
}
