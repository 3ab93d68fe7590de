package dev.restow.cli.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ECAL migration did.
 *
 * @param outcomes       count per record outcome in text form ({@code converted} = migrated)
 * @param blobs          blobs copied to cold storage
 * @param bytes          bytes copied
 * @param sourcesDeleted source directories deleted
 * @param blobsDeleted   source blobs deleted
 * @param records        one line per record
 */
public record EcalTotals(Map<String, Integer> outcomes, long blobs, long bytes, int sourcesDeleted,
                         long blobsDeleted, List<RecordLine> records) {
    public EcalTotals {
        outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
        records = List.copyOf(records);
    }

    public int migrated() {
        return outcomes.getOrDefault("converted", 0);
    }

    public int total() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
