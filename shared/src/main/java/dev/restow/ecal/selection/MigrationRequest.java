package dev.restow.ecal.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request to migrate ECAL recordings to cold storage, as posted to {@code POST /api/ecal-migrations}.
 *
 * <pre>{@code
 * {"ecalIds": ["a", "b"]}                        // or
 * {"date": "2025-02-14"}                          // or
 * {"from": "2025-02-01", "to": "2025-02-28"}      // inclusive, on recording_start_time
 * // options:
 * "dryRun": true|false       (default false)
 * "deleteSource": true|false (default true, as the original tool, or the deployment's ECAL_DELETE_SOURCE)
 * "tier": "Hot"|"Cool"|"Cold"|"Archive"   (default: the deployment's ECAL_TIER, else the cold account's default)
 * "plan": "<token from the dry run>"      (required when dryRun is false)
 * }</pre>
 *
 * <p>A JSON {@code null} counts as an absent field. Every problem is a {@link BadRequestException} whose
 * message names the field.
 *
 * @param selection    which recordings
 * @param dryRun       preview only
 * @param deleteSource delete each source directory once its copies are verified and the row points at cold
 *                     storage
 * @param tier         {@code "Hot"}, {@code "Cool"}, {@code "Cold"}, {@code "Archive"}, or {@code ""} for the
 *                     account default
 * @param plan         the dry run's plan token, or {@code ""} (only allowed on a dry run)
 */
public record MigrationRequest(Selection selection, boolean dryRun, boolean deleteSource, String tier, String plan) {

    /** Most ids one request may name. */
    public static final int MAX_IDS = 1000;
    /** The tiers a request may ask for, as Azure spells them. */
    public static final List<String> TIERS = List.of("Hot", "Cool", "Cold", "Archive");
    /** The fields a request may carry. */
    public static final List<String> FIELDS =
            List.of("ecalIds", "date", "from", "to", "dryRun", "deleteSource", "tier", "plan");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PLAN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + PlanToken.LENGTH + "}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public MigrationRequest {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(plan, "plan");
        if (!tier.isEmpty() && !TIERS.contains(tier)) {
            throw new IllegalArgumentException("tier '" + tier + "' is not one of " + String.join(", ", TIERS));
        }
        if (!dryRun && plan.isEmpty()) {
            throw new IllegalArgumentException("a real run needs the plan of its dry run");
        }
    }

    /** Parses a request body with the standard defaults (deleteSource true, the account's tier). */
    public static MigrationRequest parse(String body) {
        return parse(body, true, "");
    }

    /**
     * Parses a request body; see the class comment for the shape. Absent options take the deployment's defaults.
     *
     * @param deleteSourceDefault {@code deleteSource} when the request does not say
     * @param tierDefault         {@code tier} when the request does not say ({@code ""}: the account default)
     */
    public static MigrationRequest parse(String body, boolean deleteSourceDefault, String tierDefault) {
        Objects.requireNonNull(tierDefault, "tierDefault");
        if (body == null || body.isBlank()) {
            throw new BadRequestException("request body is empty: expected a JSON object with exactly one of "
                    + "ecalIds, date, from/to");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(notJson(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException("request body is empty: expected a JSON object with exactly one of "
                    + "ecalIds, date, from/to");
        }
        if (!root.isObject()) {
            throw new BadRequestException("request body must be a JSON object, got " + typeName(root));
        }
        Map<String, JsonNode> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!FIELDS.contains(e.getKey())) {
                throw new BadRequestException("unknown field '" + e.getKey() + "'; allowed: "
                        + String.join(", ", FIELDS));
            }
            if (!e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue());
            }
        }

        Selection selection = selection(fields);
        boolean dryRun = bool(fields, "dryRun", false);
        boolean deleteSource = bool(fields, "deleteSource", deleteSourceDefault);
        String tier = fields.containsKey("tier") ? tier(fields.get("tier")) : tierDefault;
        String plan = plan(fields);
        if (!dryRun && plan.isEmpty()) {
            throw new BadRequestException("plan is required for a real run: send the same request with "
                    + "\"dryRun\": true, review the preview, then send it with its \"plan\"");
        }
        return new MigrationRequest(selection, dryRun, deleteSource, tier, plan);
    }

    private static Selection selection(Map<String, JsonNode> fields) {
        List<String> given = new ArrayList<>();
        if (fields.containsKey("ecalIds")) {
            given.add("ecalIds");
        }
        if (fields.containsKey("date")) {
            given.add("date");
        }
        if (fields.containsKey("from") || fields.containsKey("to")) {
            given.add("from/to");
        }
        if (given.isEmpty()) {
            throw new BadRequestException("no selector: give exactly one of ecalIds, date, from/to");
        }
        if (given.size() > 1) {
            throw new BadRequestException("exactly one of ecalIds, date, from/to may be given; got "
                    + String.join(" and ", given));
        }
        return switch (given.get(0)) {
            case "ecalIds" -> new Selection.ByIds(ids(fields.get("ecalIds")));
            case "date" -> new Selection.OnDate(date("date", fields.get("date")));
            default -> between(fields);
        };
    }

    private static Selection between(Map<String, JsonNode> fields) {
        if (!fields.containsKey("to")) {
            throw new BadRequestException("'from' needs 'to': a range is from/to, both inclusive");
        }
        if (!fields.containsKey("from")) {
            throw new BadRequestException("'to' needs 'from': a range is from/to, both inclusive");
        }
        LocalDate from = date("from", fields.get("from"));
        LocalDate to = date("to", fields.get("to"));
        if (to.isBefore(from)) {
            throw new BadRequestException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return new Selection.Between(from, to);
    }

    private static List<String> ids(JsonNode node) {
        if (!node.isArray()) {
            throw new BadRequestException("ecalIds must be an array of strings, got " + typeName(node));
        }
        if (node.isEmpty()) {
            throw new BadRequestException("ecalIds is empty: give at least one id");
        }
        if (node.size() > MAX_IDS) {
            throw new BadRequestException("ecalIds has " + node.size() + " ids; at most " + MAX_IDS
                    + " per request (use date or from/to for larger selections)");
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new BadRequestException("ecalIds[" + i + "] must be a string, got " + typeName(item));
            }
            String id = item.textValue();
            if (id.isBlank()) {
                throw new BadRequestException("ecalIds[" + i + "] is blank");
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                throw new BadRequestException("ecalIds[" + i + "] '" + id + "' repeats ecalIds[" + first + "]");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static LocalDate date(String field, JsonNode node) {
        if (!node.isTextual()) {
            throw new BadRequestException(field + " must be a string YYYY-MM-DD, got " + typeName(node));
        }
        try {
            return LocalDate.parse(node.textValue(), DATE);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " '" + node.textValue() + "' is not a date YYYY-MM-DD");
        }
    }

    private static boolean bool(Map<String, JsonNode> fields, String field, boolean defaultValue) {
        JsonNode node = fields.get(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw new BadRequestException(field + " must be true or false, got " + typeName(node));
        }
        return node.booleanValue();
    }

    private static String tier(JsonNode node) {
        if (!node.isTextual()) {
            throw new BadRequestException("tier must be a string, one of " + String.join(", ", TIERS)
                    + ", got " + typeName(node));
        }
        String wanted = node.textValue().trim();
        if (wanted.isEmpty()) {
            return "";
        }
        for (String t : TIERS) {
            if (t.equalsIgnoreCase(wanted)) {
                return t;
            }
        }
        throw new BadRequestException("tier '" + node.textValue() + "' is not one of " + String.join(", ", TIERS));
    }

    private static String plan(Map<String, JsonNode> fields) {
        JsonNode node = fields.get("plan");
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            throw new BadRequestException("plan must be a string, got " + typeName(node));
        }
        String plan = node.textValue();
        if (!PLAN_SHAPE.matcher(plan).matches()) {
            throw new BadRequestException("plan '" + abbreviate(plan) + "' is not a plan token: use the \"plan\" "
                    + "of a dry run (" + PlanToken.LENGTH + " characters A-Z a-z 0-9 _ -)");
        }
        return plan;
    }

    private static String notJson(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        if (what.startsWith("Duplicate field '")) {
            return "field " + what.substring("Duplicate field ".length()) + " is given twice";
        }
        int cut = what.indexOf('\n');
        if (cut >= 0) {
            what = what.substring(0, cut);
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + what;
        }
        return "request body is not valid JSON: " + what;
    }

    private static String typeName(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
