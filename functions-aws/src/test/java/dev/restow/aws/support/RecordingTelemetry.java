package dev.restow.aws.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.telemetry.Telemetry;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the handlers emit, parsed, for assertions. */
public final class RecordingTelemetry implements Telemetry {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final List<JsonNode> events = new CopyOnWriteArrayList<>();
    public final List<JsonNode> metrics = new CopyOnWriteArrayList<>();

    @Override
    public void event(String json) {
        events.add(parse(json));
    }

    @Override
    public void metrics(String emfJson) {
        metrics.add(parse(emfJson));
    }

    /** Per-message lines (those with a messageId). */
    public List<JsonNode> messageLines() {
        return events.stream().filter(e -> e.has("messageId")).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
