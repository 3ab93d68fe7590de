package dev.restow.aws.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the handlers' structured output goes: one JSON event line per unit of work and per batch, and CloudWatch
 * embedded-metric-format lines. Implementations are thread-safe.
 */
public interface Telemetry {

    /** A structured JSON log line (per message, per batch, per fan-out run). */
    void event(String json);

    /** A CloudWatch EMF line; must reach stdout unchanged. */
    void metrics(String emfJson);

    /** Events through the SLF4J logger {@code restow.events} (pattern {@code %msg}), metrics straight to stdout. */
    static Telemetry standard() {
        Logger events = LoggerFactory.getLogger("restow.events");
        return new Telemetry() {
            @Override
            public void event(String json) {
                events.info(json);
            }

            @Override
            public void metrics(String emfJson) {
                System.out.println(emfJson);
                System.out.flush();
            }
        };
    }
}
