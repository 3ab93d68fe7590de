package dev.restow.db;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier (table or column name), optionally schema-qualified
 * ({@code schema.table}). Only plain names are accepted, so a configured name can never inject
 * SQL; {@link #quoted()} renders it double-quoted for use in statements.
 */
public final class SqlIdentifier {
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private final String schema;
    private final String name;

    private SqlIdentifier(String schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    /**
     * @throws IllegalArgumentException naming the bad value when it is not a plain identifier
     */
    public static SqlIdentifier of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty SQL identifier");
        }
        String t = text.trim();
        int dot = t.indexOf('.');
        String schema = dot < 0 ? null : t.substring(0, dot);
        String name = dot < 0 ? t : t.substring(dot + 1);
        if ((schema != null && !PART.matcher(schema).matches()) || !PART.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid SQL identifier"
                    + " (letters, digits and _, starting with a letter or _, at most 63 characters, optional schema.)");
        }
        return new SqlIdentifier(schema, name);
    }

    /** Unqualified name as written. */
    public String name() {
        return name;
    }

    /** Double-quoted, schema-qualified when a schema was given: {@code "public"."accounts_profile"}. */
    public String quoted() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** Postgres folds unquoted names to lower case; we keep the user's spelling as quoted. */
    private static String quote(String part) {
        return '"' + part + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlIdentifier s && Objects.equals(s.schema, schema) && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }

    /** Lower-case form, for comparing names case-insensitively. */
    public String normalized() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
