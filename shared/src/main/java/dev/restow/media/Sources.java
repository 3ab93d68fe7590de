package dev.restow.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured set of sources, parsed from one JSON value, or the original tool's defaults. */
public final class Sources {
    /** The original tool's tables, exactly. */
    public static final List<Source> DEFAULTS = List.of(
            Source.of("accounts_profile", "id", List.of("avatar", "banner"), Map.of()),
            Source.of("post_postmedia", "id", List.of("media_file"), Map.of("media_type", "image")),
            Source.of("event_event", "id", List.of("cover", "poster"), Map.of()));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("table", "key", "columns", "where");

    private Sources() {
    }

    /**
     * Parses {@code [{"table":"t","key":"id","columns":["a","b"],"where":{"kind":"image"}}, ...]}.
     * {@code key} defaults to {@code id}; {@code where} is optional. Errors name the variable and the entry,
     * e.g. {@code RESTOW_SOURCES: [1].columns[0]: 'a b' is not a valid SQL identifier ...}.
     */
    public static List<Source> parse(String variable, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new ConfigException(variable, "is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ConfigException(variable, "must be a non-empty JSON array of {\"table\",\"key\",\"columns\",\"where\"}");
        }
        List<Source> out = new ArrayList<>();
        Set<String> tables = new java.util.HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String at = "[" + i + "]";
            if (!n.isObject()) {
                throw new ConfigException(variable, at + " must be an object");
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw new ConfigException(variable, at + ": unknown field '" + f + "' (allowed: table, key, columns, where)");
                }
            }
            String table = text(variable, n, "table", at);
            String key = n.has("key") ? text(variable, n, "key", at) : "id";
            JsonNode cols = n.get("columns");
            if (cols == null || !cols.isArray() || cols.isEmpty()) {
                throw new ConfigException(variable, at + ".columns must be a non-empty array of column names");
            }
            List<String> columns = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                if (!cols.get(c).isTextual()) {
                    throw new ConfigException(variable, at + ".columns[" + c + "] must be a string");
                }
                String col = cols.get(c).asText();
                check(variable, at + ".columns[" + c + "]", col);
                if (columns.contains(col)) {
                    throw new ConfigException(variable, at + ".columns[" + c + "]: '" + col + "' is listed twice");
                }
                columns.add(col);
            }
            Map<String, String> where = new LinkedHashMap<>();
            JsonNode w = n.get("where");
            if (w != null && !w.isNull()) {
                if (!w.isObject()) {
                    throw new ConfigException(variable, at + ".where must be an object of column: value");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    check(variable, at + ".where", e.getKey());
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        throw new ConfigException(variable, at + ".where." + e.getKey() + " must be a string, number or boolean");
                    }
                    where.put(e.getKey(), e.getValue().asText());
                }
            }
            check(variable, at + ".table", table);
            check(variable, at + ".key", key);
            if (!tables.add(table)) {
                throw new ConfigException(variable, at + ".table: '" + table + "' is listed twice");
            }
            out.add(Source.of(table, key, columns, where));
        }
        return List.copyOf(out);
    }

    /** Selects the named sources (by table name), in the order given. Errors name the unknown source. */
    public static List<Source> select(List<Source> all, List<String> names) {
        List<Source> out = new ArrayList<>();
        for (String name : names) {
            out.add(all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown source '" + name + "' (configured: "
                            + String.join(", ", all.stream().map(Source::name).toList()) + ")")));
        }
        return out;
    }

    private static String text(String variable, JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(variable, at + "." + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static void check(String variable, String at, String name) {
        try {
            dev.restow.db.SqlIdentifier.of(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, at + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
