package dev.restow.outcome;

/** Reason words used across the project, so that logs, ledgers and tests spell them alike. */
public final class Reasons {
    // skipped
    public static final String ALREADY_WEBP = "already-webp";
    public static final String NO_SAVINGS = "no-savings";
    public static final String ANIMATED = "animated";
    public static final String NO_URL = "no-url";
    public static final String ROW_CHANGED = "row-changed";
    public static final String ALREADY_DONE = "already-done";
    public static final String ALREADY_MIGRATED = "already-migrated";

    // rejected
    public static final String NOT_AN_IMAGE = "not-an-image";
    public static final String CORRUPT = "corrupt";
    public static final String TOO_MANY_PIXELS = "too-many-pixels";
    public static final String TOO_LARGE = "too-large";
    public static final String FOREIGN_BUCKET = "foreign-bucket";
    public static final String BAD_URL = "bad-url";
    public static final String NOT_FOUND = "not-found";

    // failed
    public static final String STORAGE_UNAVAILABLE = "storage-unavailable";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String TIMEOUT = "timeout";
    public static final String INTERNAL = "internal";

    private Reasons() {
    }

    /** {@code unsupported-format:<fmt>} with the format lower-cased. */
    public static String unsupportedFormat(String format) {
        return "unsupported-format:" + format.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
    }
}
