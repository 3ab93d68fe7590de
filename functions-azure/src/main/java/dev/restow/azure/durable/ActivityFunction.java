package dev.restow.azure.durable;

/**
 * An activity as the runner calls it: the raw JSON text of its input (as the Functions worker hands
 * a {@code String} parameter of a {@code @DurableActivityTrigger}), returning an output that is
 * serialised to JSON like the host does.
 */
@FunctionalInterface
public interface ActivityFunction {
    Object run(String jsonInput) throws Exception;
}
