package dev.restow.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One image to convert: the message the fan-out sends and the per-image function receives.
 *
 * <p>JSON form: {@code {"source":"accounts_profile","id":"42","column":"avatar","value":"photos/a.jpg","runId":"..."}}.
 * Unknown fields are ignored when parsing, so that a newer fan-out can add fields during a rolling deploy.
 *
 * @param source the source's table name as configured
 * @param id     the row's key value, as text
 * @param column the column holding the reference
 * @param value  the column value as the fan-out read it (the row is only updated while it still holds this)
 * @param runId  the fan-out run that sent it
 */
public record ImageTask(String source, String id, String column, String value, String runId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ImageTask {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        runId = runId == null ? "" : runId;
    }

    public static ImageTask of(String source, String id, String column, String value, String runId) {
        return new ImageTask(source, id, column, value, runId);
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. {@code image task: missing field 'column'}
     */
    public static ImageTask parse(String json) {
        JsonNode n;
        try {
            n = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("image task: not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("image task: expected a JSON object");
        }
        return new ImageTask(text(n, "source", true), text(n, "id", true), text(n, "column", true),
                text(n, "value", true), text(n, "runId", false));
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("image task: missing field '" + field + "'");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("image task: field '" + field + "' must be a string");
        }
        if (required && v.asText().isEmpty()) {
            throw new IllegalArgumentException("image task: field '" + field + "' is empty");
        }
        return v.asText();
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", source);
        n.put("id", id);
        n.put("column", column);
        n.put("value", value);
        n.put("runId", runId);
        return n.toString();
    }
}
