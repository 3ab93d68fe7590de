package dev.restow.azure.durable.internal;

import com.google.protobuf.StringValue;
import com.microsoft.durabletask.DataConverter;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.SubOrchestrationInstanceFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** Builders of durabletask's protobuf history events, as a durable backend records them. */
public final class HistoryEvents {
    private HistoryEvents() {
    }

    private static HistoryEvent.Builder event(int eventId, Instant at) {
        return HistoryEvent.newBuilder().setEventId(eventId).setTimestamp(DataConverter.getTimestampFromInstant(at));
    }

    public static HistoryEvent orchestratorStarted(Instant at) {
        return event(-1, at).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build();
    }

    public static HistoryEvent orchestratorCompleted(Instant at) {
        return event(-1, at).setOrchestratorCompleted(OrchestratorCompletedEvent.getDefaultInstance()).build();
    }

    public static HistoryEvent executionStarted(Instant at, String name, String instanceId, String input,
                                                String parentInstanceId, String parentName, int parentTaskId) {
        ExecutionStartedEvent.Builder b = ExecutionStartedEvent.newBuilder().setName(name)
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(instanceId));
        if (input != null) {
            b.setInput(StringValue.of(input));
        }
        if (parentInstanceId != null) {
            b.setParentInstance(ParentInstanceInfo.newBuilder().setTaskScheduledId(parentTaskId)
                    .setName(StringValue.of(parentName))
                    .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(parentInstanceId)));
        }
        return event(-1, at).setExecutionStarted(b).build();
    }

    public static HistoryEvent taskScheduled(Instant at, int id, String name, String input) {
        TaskScheduledEvent.Builder b = TaskScheduledEvent.newBuilder().setName(name);
        if (input != null) {
            b.setInput(StringValue.of(input));
        }
        return event(id, at).setTaskScheduled(b).build();
    }

    public static HistoryEvent taskCompleted(Instant at, int taskId, String result) {
        TaskCompletedEvent.Builder b = TaskCompletedEvent.newBuilder().setTaskScheduledId(taskId);
        if (result != null) {
            b.setResult(StringValue.of(result));
        }
        return event(-1, at).setTaskCompleted(b).build();
    }

    public static HistoryEvent taskFailed(Instant at, int taskId, Throwable failure) {
        return event(-1, at).setTaskFailed(TaskFailedEvent.newBuilder().setTaskScheduledId(taskId)
                .setFailureDetails(details(failure))).build();
    }

    public static HistoryEvent timerCreated(Instant at, int id, Instant fireAt) {
        return event(id, at).setTimerCreated(TimerCreatedEvent.newBuilder()
                .setFireAt(DataConverter.getTimestampFromInstant(fireAt))).build();
    }

    public static HistoryEvent timerFired(Instant at, int timerId, Instant fireAt) {
        return event(-1, at).setTimerFired(TimerFiredEvent.newBuilder().setTimerId(timerId)
                .setFireAt(DataConverter.getTimestampFromInstant(fireAt))).build();
    }

    public static HistoryEvent subOrchestrationCreated(Instant at, int id, String name, String instanceId,
                                                       String input) {
        SubOrchestrationInstanceCreatedEvent.Builder b = SubOrchestrationInstanceCreatedEvent.newBuilder()
                .setName(name).setInstanceId(instanceId);
        if (input != null) {
            b.setInput(StringValue.of(input));
        }
        return event(id, at).setSubOrchestrationInstanceCreated(b).build();
    }

    public static HistoryEvent subOrchestrationCompleted(Instant at, int taskId, String result) {
        SubOrchestrationInstanceCompletedEvent.Builder b = SubOrchestrationInstanceCompletedEvent.newBuilder()
                .setTaskScheduledId(taskId);
        if (result != null) {
            b.setResult(StringValue.of(result));
        }
        return event(-1, at).setSubOrchestrationInstanceCompleted(b).build();
    }

    public static HistoryEvent subOrchestrationFailed(Instant at, int taskId, TaskFailureDetails details) {
        return event(-1, at).setSubOrchestrationInstanceFailed(SubOrchestrationInstanceFailedEvent.newBuilder()
                .setTaskScheduledId(taskId).setFailureDetails(details)).build();
    }

    /** Failure details of an exception, as the durable worker reports them. */
    public static TaskFailureDetails details(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return TaskFailureDetails.newBuilder().setErrorType(failure.getClass().getName())
                .setErrorMessage(failure.getMessage() == null ? "" : failure.getMessage())
                .setStackTrace(StringValue.of(trace.toString())).build();
    }
}
