package dev.restow.outcome;

import java.util.Locale;

/** The four fates of one unit of work (an image, a blob, an ECAL record). */
public enum Status {
    /** The work was done: a replacement exists, is verified and the database points at it. */
    CONVERTED,
    /** Nothing to do (already WebP, no savings, animated, no URL...). Final, never retried. */
    SKIPPED,
    /** Bad input (not an image, corrupt, foreign bucket...). Final, never retried. */
    REJECTED,
    /** Transient trouble (storage or database unreachable...). Retried. */
    FAILED;

    /** Lower-case name as written in logs, ledgers and JSON: {@code converted}, {@code skipped}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a later run should leave this unit alone (everything but {@link #FAILED}). */
    public boolean isFinal() {
        return this != FAILED;
    }

    /** Parses a label such as {@code skipped}; case-insensitive. */
    public static Status parse(String label) {
        if (label != null) {
            for (Status s : values()) {
                if (s.label().equalsIgnoreCase(label.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown outcome status '" + label
                + "': expected converted, skipped, rejected or failed");
    }
}
