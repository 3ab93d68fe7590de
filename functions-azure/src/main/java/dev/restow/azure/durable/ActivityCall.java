package dev.restow.azure.durable;

/**
 * One finished activity execution, as listeners see it.
 *
 * @param instanceId the orchestration instance that scheduled it
 * @param name       the activity's name
 * @param input      its JSON input
 * @param output     its JSON output ("" when it failed)
 * @param failure    the failure's message ("" when it succeeded)
 */
public record ActivityCall(String instanceId, String name, String input, String output, String failure) {
    public boolean failed() {
        return !failure.isEmpty();
    }
}
