package dev.restow.cli.report;

import java.util.Objects;

/**
 * One ECAL record in the report.
 *
 * @param ecalId  the record's id
 * @param outcome its outcome in text form ({@code converted} = migrated, {@code rejected:shared-directory}...)
 * @param from    the URL before
 * @param to      the URL after (equal to {@code from} when the row did not change)
 * @param blobs   blobs copied
 * @param bytes   bytes copied
 */
public record RecordLine(String ecalId, String outcome, String from, String to, long blobs, long bytes) {
    public RecordLine {
        Objects.requireNonNull(ecalId, "ecalId");
        Objects.requireNonNull(outcome, "outcome");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
    }
}
