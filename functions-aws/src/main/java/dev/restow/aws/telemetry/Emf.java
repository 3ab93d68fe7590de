package dev.restow.aws.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudWatch embedded-metric-format line: namespace {@value #NAMESPACE}, one dimension {@code Function}, counts
 * and bytes. See the EMF specification: {@code _aws.CloudWatchMetrics[].Metrics} names the members holding values.
 */
public final class Emf {
    public static final String NAMESPACE = "restow";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    private Emf(String function) {
        this.function = function;
    }

    /** @param function the {@code Function} dimension: {@code image} or {@code fanout} */
    public static Emf of(String function) {
        return new Emf(function);
    }

    public Emf count(String name, long value) {
        values.put(name, value);
        units.put(name, "Count");
        return this;
    }

    public Emf bytes(String name, long value) {
        values.put(name, value);
        units.put(name, "Bytes");
        return this;
    }

    public String toJson(long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Function");
        ArrayNode metrics = directive.putArray("Metrics");
        units.forEach((name, unit) -> metrics.addObject().put("Name", name).put("Unit", unit));
        root.put("Function", function);
        values.forEach(root::put);
        return root.toString();
    }
}
