package dev.restow.azure.migration.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON of activity payloads. Activities cross the Functions host as text: the worker hands a
 * {@code String} trigger parameter the input's raw JSON, and a {@code String} result travels back as a
 * JSON string. Reading a result accepts both that string and a plain JSON value, so the orchestrator
 * does not depend on how a host version wraps it.
 */
public final class Payloads {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private Payloads() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A result as durabletask deserialised it: a JSON string holding the payload, or the payload itself. */
    public static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return read(node.textValue(), type);
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
