package dev.restow.ecal.blob;

import java.util.Locale;
import java.util.Objects;

/**
 * The state of a server-side copy as the destination reports it.
 *
 * @param copyId      the copy's id
 * @param status      its status
 * @param description the service's status description (failed copies), or ""
 */
public record CopyState(String copyId, Status status, String description) {
    public CopyState {
        Objects.requireNonNull(status, "status");
        copyId = copyId == null ? "" : copyId;
        description = description == null ? "" : description;
    }

    /** Copy statuses, as the service names them. */
    public enum Status {
        PENDING, SUCCESS, FAILED, ABORTED;

        /** Whether the copy will not change any more. */
        public boolean terminal() {
            return this != PENDING;
        }

        /** Parses the service's word ({@code pending}, {@code success}, {@code failed}, {@code aborted}). */
        public static Status parse(String word) {
            if (word == null) {
                throw new IllegalArgumentException("no copy status");
            }
            return switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "pending" -> PENDING;
                case "success" -> SUCCESS;
                case "failed" -> FAILED;
                case "aborted" -> ABORTED;
                default -> throw new IllegalArgumentException("unknown copy status '" + word + "'");
            };
        }

        /** The service's lower-case word. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
