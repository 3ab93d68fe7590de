package dev.restow.media;

import dev.restow.outcome.Outcome;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The fate of one column value of one row: what it was, what it became, and why.
 *
 * @param source   source table name as configured
 * @param id       row key, as text
 * @param column   column name
 * @param oldValue the value the work started from
 * @param newValue the value written ({@code ""} when the row was not changed)
 * @param outcome  the outcome
 * @param bytesIn  size of the original object (0 when never read)
 * @param bytesOut size of the WebP (0 when never encoded)
 * @param runId    the fan-out run that asked for the work
 * @param at       when it was recorded ({@code null} before it was stored)
 */
public record LedgerEntry(String source, String id, String column, String oldValue, String newValue, Outcome outcome,
                          long bytesIn, long bytesOut, String runId, Instant at) {
    public LedgerEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(outcome, "outcome");
        newValue = newValue == null ? "" : newValue;
        runId = runId == null ? "" : runId;
    }

    /** The entry's key: the same (source, id, column, old value) always gives the same id. */
    public UUID entryId() {
        return Ledger.entryId(source, id, column, oldValue);
    }
}
