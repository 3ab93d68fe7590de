package dev.restow.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a fan-out walk is asked to do: which sources (empty: all configured), whether only to count, and how many
 * messages at most (0: no limit).
 */
public record FanOutRequest(List<String> sources, boolean dryRun, long limit) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("sources", "dryRun", "limit");

    public FanOutRequest {
        sources = List.copyOf(sources == null ? List.of() : sources);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
    }

    /** Every source, enqueueing, no limit: what a scheduled run does. */
    public static FanOutRequest all() {
        return new FanOutRequest(List.of(), false, 0);
    }

    /**
     * Parses a manual payload {@code {"sources":["accounts_profile"],"dryRun":true,"limit":100}}; every field is
     * optional, an empty or {@code null} payload means {@link #all()}.
     *
     * @throws IllegalArgumentException naming the offending field, e.g. {@code unknown field 'dryrun' (allowed:
     *                                  sources, dryRun, limit)}
     */
    public static FanOutRequest parse(String json) {
        if (json == null || json.isBlank()) {
            return all();
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage());
        }
        return of(n);
    }

    /** As {@link #parse(String)}, from a parsed JSON tree. */
    public static FanOutRequest of(JsonNode n) {
        if (n == null || n.isNull()) {
            return all();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object with optional fields sources, dryRun, limit");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' (allowed: sources, dryRun, limit)");
            }
        }
        List<String> sources = new ArrayList<>();
        JsonNode s = n.get("sources");
        if (s != null && !s.isNull()) {
            if (!s.isArray()) {
                throw new IllegalArgumentException("field 'sources' must be an array of table names");
            }
            for (int i = 0; i < s.size(); i++) {
                if (!s.get(i).isTextual() || s.get(i).asText().isBlank()) {
                    throw new IllegalArgumentException("field 'sources[" + i + "]' must be a table name");
                }
                sources.add(s.get(i).asText());
            }
        }
        boolean dryRun = false;
        JsonNode d = n.get("dryRun");
        if (d != null && !d.isNull()) {
            if (!d.isBoolean()) {
                throw new IllegalArgumentException("field 'dryRun' must be true or false");
            }
            dryRun = d.asBoolean();
        }
        long limit = 0;
        JsonNode l = n.get("limit");
        if (l != null && !l.isNull()) {
            if (!l.canConvertToLong() || !l.isIntegralNumber() || l.asLong() < 0) {
                throw new IllegalArgumentException("field 'limit' must be a whole number >= 0");
            }
            limit = l.asLong();
        }
        return new FanOutRequest(sources, dryRun, limit);
    }
}
