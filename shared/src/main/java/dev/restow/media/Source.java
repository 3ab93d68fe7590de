package dev.restow.media;

import dev.restow.db.SqlIdentifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table whose columns hold image references.
 *
 * @param table   table name (optionally schema-qualified)
 * @param key     primary-key column used for keyset pagination and row updates
 * @param columns columns holding object references
 * @param where   equality filter (column to bound value), empty for none
 */
public record Source(SqlIdentifier table, SqlIdentifier key, List<SqlIdentifier> columns,
                     Map<SqlIdentifier, String> where) {

    public Source {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("source " + table + " has no columns");
        }
        where = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where == null ? Map.of() : where));
    }

    public static Source of(String table, String key, List<String> columns, Map<String, String> where) {
        Map<SqlIdentifier, String> w = new LinkedHashMap<>();
        where.forEach((k, v) -> w.put(SqlIdentifier.of(k), v));
        return new Source(SqlIdentifier.of(table), SqlIdentifier.of(key),
                columns.stream().map(SqlIdentifier::of).toList(), w);
    }

    /** The name used in messages, logs and the ledger: the table name as configured. */
    public String name() {
        return table.toString();
    }

    /** Whether this source has a column of that name. */
    public boolean hasColumn(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    public SqlIdentifier column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("source " + name() + " has no column '" + column + "'"));
    }
}
