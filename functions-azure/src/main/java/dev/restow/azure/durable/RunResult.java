package dev.restow.azure.durable;

import com.microsoft.durabletask.JacksonDataConverter;
import java.util.List;
import java.util.Map;

/**
 * How an in-process orchestration run ended.
 *
 * @param instanceId     the instance
 * @param status         {@link Status}
 * @param output         the orchestrator's JSON output ("" unless completed)
 * @param failure        the failure's type and message ("" unless failed)
 * @param customStatus   the last custom status (JSON, "" when none)
 * @param customStatuses every distinct custom status the instance set, in order
 * @param history        history of this instance
 * @param total          history of this instance and all its sub-orchestrations
 * @param episodes       orchestrator executions (replays) of this instance
 * @param activityCalls  activity executions per name, across the whole tree
 */
public record RunResult(String instanceId, Status status, String output, String failure, String customStatus,
                        List<String> customStatuses, HistoryStats history, HistoryStats total, int episodes,
                        Map<String, Integer> activityCalls) {

    private static final JacksonDataConverter JSON = new JacksonDataConverter();

    /** How the instance ended. */
    public enum Status {
        COMPLETED, FAILED,
        /** Stopped on purpose (a simulated crash); {@link InProcessDurableRunner#resume(String)} continues it. */
        HALTED
    }

    /** The output, read with durabletask's own data converter. */
    public <T> T output(Class<T> type) {
        if (status != Status.COMPLETED) {
            throw new IllegalStateException("instance " + instanceId + " is " + status + ": " + failure);
        }
        return JSON.deserialize(output, type);
    }

    /** Executions of one activity. */
    public int calls(String activity) {
        return activityCalls.getOrDefault(activity, 0);
    }
}
