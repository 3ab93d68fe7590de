package dev.restow.azure.migration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.TaskOptions;
import com.microsoft.durabletask.TaskOrchestrationContext;
import java.time.Duration;

/**
 * Calls an activity from an orchestrator with the declared retry policy and reads its JSON result.
 * A failure after the last retry surfaces as {@link com.microsoft.durabletask.TaskFailedException};
 * callers catch exactly that (never {@code Exception}, which would swallow the orchestrator's yield).
 */
public final class ActivityCalls {
    /**
     * Transient storage and database errors: 5 attempts, 5 s then doubling to at most 2 min, within 30
     * min. Activities report permanent problems as data, so what throws is worth retrying.
     */
    public static final RetryPolicy RETRY = new RetryPolicy(5, Duration.ofSeconds(5))
            .setBackoffCoefficient(2.0)
            .setMaxRetryInterval(Duration.ofMinutes(2))
            .setRetryTimeout(Duration.ofMinutes(30));
    private static final TaskOptions OPTIONS = new TaskOptions(RETRY);

    private ActivityCalls() {
    }

    /** Calls {@code name} with {@code input} and awaits its result as {@code type}. */
    public static <T> T call(TaskOrchestrationContext ctx, String name, Object input, Class<T> type) {
        JsonNode result = ctx.callActivity(name, input, OPTIONS, JsonNode.class).await();
        return Payloads.read(result, type);
    }
}
