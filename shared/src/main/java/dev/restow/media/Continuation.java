package dev.restow.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an unfinished fan-out walk stands, handed to a fresh invocation (through the control queue) when time runs
 * low. Carries the run id (the lease holder), the request, the cursor and the counts so far.
 *
 * <p>JSON form: {@code {"continuation":{"runId":"...","sources":[...],"dryRun":false,"limit":0,"sourceIndex":1,
 * "after":"1234","counts":{"accounts_profile":[seen,noUrl,alreadyWebp,doneBefore,enqueued],...}}}}.
 *
 * @param runId       the walk's run id
 * @param sources     the sources being walked, in order
 * @param dryRun      counting only
 * @param limit       message limit of the whole walk (0: none)
 * @param sourceIndex index into {@code sources} of the source to resume
 * @param after       the last key done in that source ({@code null}: from its start)
 * @param counts      counts so far, per source
 */
public record Continuation(String runId, List<String> sources, boolean dryRun, long limit, int sourceIndex,
                           String after, Map<String, SourceCounts> counts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Continuation {
        Objects.requireNonNull(runId, "runId");
        sources = List.copyOf(sources);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (sourceIndex < 0 || sourceIndex > sources.size()) {
            throw new IllegalArgumentException("sourceIndex " + sourceIndex + " out of range 0.." + sources.size());
        }
    }

    /** Whether a JSON message body is a continuation (has a top-level {@code continuation} object). */
    public static boolean isContinuation(JsonNode body) {
        return body != null && body.isObject() && body.has("continuation");
    }

    public String toJson() {
        ObjectNode c = JSON.createObjectNode();
        c.put("runId", runId);
        ArrayNode s = c.putArray("sources");
        sources.forEach(s::add);
        c.put("dryRun", dryRun);
        c.put("limit", limit);
        c.put("sourceIndex", sourceIndex);
        if (after == null) {
            c.putNull("after");
        } else {
            c.put("after", after);
        }
        ObjectNode counts = c.putObject("counts");
        this.counts.forEach((name, k) -> counts.putArray(name).add(k.seen()).add(k.noUrl()).add(k.alreadyWebp())
                .add(k.doneBefore()).add(k.enqueued()));
        ObjectNode root = JSON.createObjectNode();
        root.set("continuation", c);
        return root.toString();
    }

    /**
     * @throws IllegalArgumentException naming the bad field
     */
    public static Continuation parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("continuation: not valid JSON: " + e.getOriginalMessage());
        }
        if (!isContinuation(root) || !root.get("continuation").isObject()) {
            throw new IllegalArgumentException("continuation: expected {\"continuation\":{...}}");
        }
        JsonNode c = root.get("continuation");
        JsonNode runId = c.get("runId");
        if (runId == null || !runId.isTextual() || runId.asText().isEmpty()) {
            throw new IllegalArgumentException("continuation: missing field 'runId'");
        }
        List<String> sources = new ArrayList<>();
        JsonNode s = c.get("sources");
        if (s == null || !s.isArray()) {
            throw new IllegalArgumentException("continuation: missing field 'sources'");
        }
        s.forEach(n -> sources.add(n.asText()));
        JsonNode idx = c.get("sourceIndex");
        if (idx == null || !idx.isInt()) {
            throw new IllegalArgumentException("continuation: missing field 'sourceIndex'");
        }
        JsonNode after = c.get("after");
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        JsonNode k = c.get("counts");
        if (k != null && k.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                if (!a.isArray() || a.size() != 5) {
                    throw new IllegalArgumentException("continuation: counts." + e.getKey() + " must hold 5 numbers");
                }
                counts.put(e.getKey(), new SourceCounts(a.get(0).asLong(), a.get(1).asLong(), a.get(2).asLong(),
                        a.get(3).asLong(), a.get(4).asLong()));
            }
        }
        return new Continuation(runId.asText(), sources, c.path("dryRun").asBoolean(false), c.path("limit").asLong(0),
                idx.asInt(), after == null || after.isNull() ? null : after.asText(), counts);
    }
}
