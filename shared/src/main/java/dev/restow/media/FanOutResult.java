package dev.restow.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fan-out invocation did.
 *
 * @param runId        the walk's run id
 * @param state        how the invocation ended
 * @param dryRun       whether it only counted
 * @param counts       counts per source, for the whole walk so far (continuations included)
 * @param samples      in a dry run, the first messages that would have been sent (at most 10)
 * @param pages        keyset pages read by this invocation
 * @param maxPageRows  most rows in one page (never above the page size)
 * @param leaseHolder  when {@link State#LEASE_HELD}, the run holding the lease
 * @param continuation when {@link State#CONTINUED}, the continuation that was handed on
 */
public record FanOutResult(String runId, State state, boolean dryRun, Map<String, SourceCounts> counts,
                           List<ImageTask> samples, int pages, int maxPageRows, String leaseHolder,
                           Continuation continuation) {

    /** How an invocation ended. */
    public enum State {
        /** Every selected row was walked, or the limit was reached. */
        DONE,
        /** Time ran low: the cursor was handed to a fresh invocation. */
        CONTINUED,
        /** Time ran low and no control queue is configured: the walk stopped early. */
        STOPPED,
        /** Another walk holds the lease: nothing was done. */
        LEASE_HELD
    }

    public FanOutResult {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        samples = List.copyOf(samples);
        leaseHolder = leaseHolder == null ? "" : leaseHolder;
    }

    /** Counts summed over the sources. */
    public SourceCounts total() {
        return counts.values().stream().reduce(SourceCounts.ZERO, SourceCounts::plus);
    }

    public Optional<Continuation> continuationHandedOn() {
        return Optional.ofNullable(continuation);
    }
}
