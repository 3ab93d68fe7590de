package dev.restow.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.aws.telemetry.Telemetry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers' structured output during the demo: per-message lines go to a listener (progress, results) and to
 * the log at DEBUG; metric lines (which a Lambda prints to stdout for CloudWatch) are kept off the demo's stdout.
 */
final class DemoTelemetry implements Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger("restow.events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<ImageEvent> images;

    DemoTelemetry(Consumer<ImageEvent> images) {
        this.images = images;
    }

    @Override
    public void event(String json) {
        LOG.debug("{}", json);
        try {
            ImageEvent.from(JSON.readTree(json)).ifPresent(images);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("unreadable handler event {}: {}", json, e.getMessage());
        }
    }

    @Override
    public void metrics(String emfJson) {
        LOG.debug("{}", emfJson);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
