package dev.restow.ecal.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One blob's copy as far as it is known.
 *
 * @param path   name relative to the directory
 * @param copyId the copy's id ("" when none was started)
 * @param status {@code pending}, {@code success}, {@code failed} or {@code aborted}
 * @param reason failure reason word ("" unless failed or aborted)
 * @param detail what happened
 * @param reused whether an earlier run's copy was found instead of starting one
 */
public record CopyTicket(String path, String copyId, String status,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) String detail,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reused) {
    public static final String PENDING = "pending";
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    public static final String ABORTED = "aborted";

    public CopyTicket {
        Objects.requireNonNull(path, "path");
        copyId = copyId == null ? "" : copyId;
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        detail = detail == null ? "" : detail;
    }

    public static CopyTicket failed(String path, String copyId, String reason, String detail) {
        return new CopyTicket(path, copyId, FAILED, reason, detail, false);
    }

    /** This ticket with another status. */
    public CopyTicket withStatus(String newStatus, String newReason, String newDetail) {
        return new CopyTicket(path, copyId, newStatus, newReason, newDetail, reused);
    }
}
