package dev.restow.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed, validating view of environment variables. Every error is a {@link ConfigException} naming
 * the variable. Blank values count as absent.
 */
public final class Env {
    private final Map<String, String> vars;

    private Env(Map<String, String> vars) {
        this.vars = Map.copyOf(Objects.requireNonNull(vars, "vars"));
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> new ConfigException(name, "is required but not set"));
    }

    public String string(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public Secret secret(String name) {
        String v = vars.get(name);
        return Secret.of(v == null || v.isBlank() ? "" : v);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return (int) longValue(name, defaultValue, min, max);
    }

    public long longValue(String name, long defaultValue, long min, long max) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.get().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "'" + v.get() + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(name, parsed + " is out of range " + min + ".." + max);
        }
        return parsed;
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "'" + v.get() + "' is not a number");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new ConfigException(name, v.get() + " is out of range " + min + ".." + max);
        }
        return parsed;
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(name, "'" + v.get() + "' is not a boolean (true/false)");
        };
    }

    /** Milliseconds given as a whole number in a variable whose name should end in {@code _MS}. */
    public Duration millis(String name, Duration defaultValue, Duration min, Duration max) {
        long ms = longValue(name, defaultValue.toMillis(), min.toMillis(), max.toMillis());
        return Duration.ofMillis(ms);
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.get().replace('-', '_'))) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (allowed.length() > 0) {
                allowed.append(", ");
            }
            allowed.append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new ConfigException(name, "'" + v.get() + "' is not one of " + allowed);
    }
}
