package dev.restow.config;

/** Invalid or missing configuration. The message names the variable and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    /** The environment variable (or config entry) at fault. */
    public String variable() {
        return variable;
    }
}
