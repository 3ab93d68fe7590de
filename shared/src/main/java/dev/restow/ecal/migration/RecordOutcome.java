package dev.restow.ecal.migration;

import dev.restow.outcome.Outcome;
import java.util.Objects;

/**
 * How one record ended: {@code converted} (migrated), {@code skipped:<reason>},
 * {@code rejected:<reason>} or {@code failed:<reason>}, with the blob at fault and what happened.
 *
 * @param ecalId        the record
 * @param outcome       the outcome's text form (see {@link Outcome#parse(String)})
 * @param blob          the blob at fault ("" when none)
 * @param detail        what happened, for people
 * @param sourceUrl     the record's source URL ("" when unknown)
 * @param coldUrl       its cold URL ("" when unknown)
 * @param blobs         blobs in its directory
 * @param bytes         bytes in its directory
 * @param sourceDeleted whether its source directory was deleted
 */
public record RecordOutcome(String ecalId, String outcome, String blob, String detail, String sourceUrl,
                            String coldUrl, int blobs, long bytes, boolean sourceDeleted) {
    public RecordOutcome {
        Objects.requireNonNull(ecalId, "ecalId");
        Outcome.parse(outcome);
        blob = blob == null ? "" : blob;
        detail = detail == null ? "" : detail;
        sourceUrl = sourceUrl == null ? "" : sourceUrl;
        coldUrl = coldUrl == null ? "" : coldUrl;
    }

    /** An outcome without URLs or counts (decided while planning). */
    public static RecordOutcome of(String ecalId, Outcome outcome, String detail) {
        return new RecordOutcome(ecalId, outcome.toString(), "", detail, "", "", 0, 0, false);
    }

    /** The parsed outcome. */
    public Outcome result() {
        return Outcome.parse(outcome);
    }
}
