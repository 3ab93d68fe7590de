package dev.restow.ecal.selection;

import java.util.List;

/** Port: finds the recordings a selection covers (implemented with JDBC elsewhere). */
public interface RecordFinder {
    /** The records the selection covers, in a stable order (ids order for ByIds, else start time then id). */
    List<RecordSummary> find(Selection selection);
}
