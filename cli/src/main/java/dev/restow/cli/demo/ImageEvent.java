package dev.restow.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-message line the per-image Lambda logs, as read back by the demo.
 *
 * @param source    source table
 * @param id        row key
 * @param column    column
 * @param outcome   the outcome
 * @param bytesIn   original size
 * @param bytesOut  WebP size
 * @param format    sniffed input format
 * @param sourceKey the original's key
 * @param targetKey the WebP's key ("" when none)
 */
record ImageEvent(String source, String id, String column, Outcome outcome, long bytesIn, long bytesOut,
                  String format, String sourceKey, String targetKey) {

    ImageEvent {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The event in a handler's JSON line, if it is a per-message line. */
    static Optional<ImageEvent> from(JsonNode n) {
        if (!n.hasNonNull("messageId") || !n.hasNonNull("outcome")) {
            return Optional.empty();
        }
        Status status = Status.parse(n.path("outcome").asText());
        Outcome outcome = status == Status.CONVERTED ? Outcome.converted()
                : new Outcome(status, n.path("reason").asText());
        return Optional.of(new ImageEvent(n.path("source").asText(), n.path("id").asText(),
                n.path("column").asText(), outcome, n.path("bytesIn").asLong(), n.path("bytesOut").asLong(),
                n.path("format").asText(), n.path("sourceKey").asText(), n.path("targetKey").asText()));
    }
}
