package dev.restow.azure.durable;

/**
 * Size of orchestration history, as the durable backend would store it.
 *
 * @param instances     orchestration instances counted
 * @param events        history events
 * @param bytes         their protobuf-encoded size
 * @param largestEvent  the largest single event in bytes (activity results and inputs dominate)
 * @param largestInstanceBytes the history of the largest instance
 */
public record HistoryStats(int instances, long events, long bytes, long largestEvent, long largestInstanceBytes) {
    static final HistoryStats EMPTY = new HistoryStats(0, 0, 0, 0, 0);

    HistoryStats plus(HistoryStats o) {
        return new HistoryStats(instances + o.instances, events + o.events, bytes + o.bytes,
                Math.max(largestEvent, o.largestEvent), Math.max(largestInstanceBytes, o.largestInstanceBytes));
    }
}
