package dev.restow.bench.media;

import dev.restow.aws.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the handlers' event lines in memory instead of logging them, so that the benchmark can read each message's
 * outcome and bytes after the run (parsing them during the run would be timed as handler work). EMF metric lines
 * are counted and dropped.
 */
public final class CapturingTelemetry implements Telemetry {
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> metrics = new ConcurrentLinkedQueue<>();

    @Override
    public void event(String json) {
        events.add(json);
    }

    @Override
    public void metrics(String emfJson) {
        metrics.add(emfJson);
    }

    /** The event lines so far, and forgets them. */
    public List<String> drainEvents() {
        List<String> out = new ArrayList<>();
        for (String s; (s = events.poll()) != null; ) {
            out.add(s);
        }
        metrics.clear();
        return out;
    }
}
