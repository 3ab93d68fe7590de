package dev.restow.ecal;

/**
 * Reason words of the ECAL migration, in the project's outcome vocabulary
 * ({@code converted} = migrated, {@code skipped:<reason>}, {@code rejected:<reason>},
 * {@code failed:<reason>}).
 */
public final class EcalReasons {
    // skipped
    /** The row points at cold storage and the source directory is gone: nothing left to do. */
    public static final String ALREADY_MIGRATED = "already-migrated";

    // rejected: left alone, never retried
    public static final String BAD_URL = "bad-url";
    public static final String FOREIGN_ACCOUNT = "foreign-account";
    public static final String FOREIGN_CONTAINER = "foreign-container";
    public static final String BAD_PATH = "bad-path";
    public static final String SHARED_DIRECTORY = "shared-directory";
    public static final String NOT_FOUND = "not-found";
    public static final String UNKNOWN_SOURCE = "unknown-source";

    // failed: source and row untouched (or, after the commit, the deletion unfinished); a re-run completes it
    public static final String COPY_FAILED = "copy-failed";
    public static final String COPY_TIMEOUT = "copy-timeout";
    public static final String COPY_REJECTED = "copy-rejected";
    public static final String SOURCE_CHANGED = "source-changed";
    public static final String VERIFY_FAILED = "verify-failed";
    public static final String ROW_CHANGED = "row-changed";
    public static final String BLOBS_APPEARED = "blobs-appeared";
    public static final String DELETE_FAILED = "delete-failed";
    public static final String PLAN_CHANGED = "plan-changed";
    public static final String STORAGE_UNAVAILABLE = "storage-unavailable";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String INTERNAL = "internal";

    private EcalReasons() {
    }
}
