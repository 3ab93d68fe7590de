package dev.restow.azure.durable;

import com.google.protobuf.InvalidProtocolBufferException;
import com.microsoft.durabletask.DataConverter;
import com.microsoft.durabletask.JacksonDataConverter;
import com.microsoft.durabletask.OrchestrationRunner;
import com.microsoft.durabletask.OrchestratorFunction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CompleteOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateSubOrchestrationAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ScheduleTaskAction;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import dev.restow.azure.durable.internal.HistoryEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs orchestrators in this process through durabletask's own executor, the way the Durable
 * Functions host does: each episode hands {@link OrchestrationRunner#loadAndRun(byte[], OrchestratorFunction)}
 * the protobuf history (past events and new events) and carries out the actions it returns —
 * activities are called in-process (in parallel, on a pool), timers fire strictly after their
 * fire-at time, sub-orchestrations run recursively on their own threads, and completions come
 * back as new events. The orchestrator code therefore replays from the start on every episode,
 * with durabletask's determinism checks, exactly as in Azure.
 *
 * <p>Payloads follow the Functions host: an activity gets the raw JSON text of its input and its
 * return value is serialised to JSON (a {@code String} result becomes a JSON string).
 *
 * <p>Histories stay in memory, so a run stopped on purpose ({@link Builder#haltWhen}: a simulated
 * host crash after an activity did its work but before its completion was recorded) can be
 * {@linkplain #resume(String) resumed}: in-flight work is dispatched again (at-least-once, as in
 * Azure). History sizes are measured per instance ({@link RunResult#history()}).
 *
 * <pre>{@code
 * try (InProcessDurableRunner runner = InProcessDurableRunner.builder()
 *         .orchestrator("Hello", ctx -> ctx.callActivity("Greet", "x", String.class).await())
 *         .activity("Greet", json -> "hello " + json)
 *         .clock(DurableClock.skipping())
 *         .build()) {
 *     RunResult r = runner.run("Hello", "id-1", null);
 * }
 * }</pre>
 */
public final class InProcessDurableRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessDurableRunner.class);
    private static final JacksonDataConverter JSON = new JacksonDataConverter();
    private static final long IDLE_POLL_MS = 50;

    private final Map<String, OrchestratorFunction<?>> orchestrators;
    private final Map<String, ActivityFunction> activities;
    private final DurableClock clock;
    private final Consumer<ActivityCall> afterActivity;
    private final Predicate<ActivityCall> haltWhen;
    private final ExecutorService activityPool;
    private final ExecutorService instancePool;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> activityCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean halted = new AtomicBoolean();

    private InProcessDurableRunner(Builder b) {
        this.orchestrators = Map.copyOf(b.orchestrators);
        this.activities = Map.copyOf(b.activities);
        this.clock = b.clock;
        this.afterActivity = b.afterActivity;
        this.haltWhen = b.haltWhen;
        this.activityPool = Executors.newFixedThreadPool(b.activityThreads, daemon("durable-activity"));
        this.instancePool = Executors.newCachedThreadPool(daemon("durable-orchestration"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a runner. */
    public static final class Builder {
        private final Map<String, OrchestratorFunction<?>> orchestrators = new HashMap<>();
        private final Map<String, ActivityFunction> activities = new HashMap<>();
        private DurableClock clock = DurableClock.skipping();
        private Consumer<ActivityCall> afterActivity = call -> { };
        private Predicate<ActivityCall> haltWhen = call -> false;
        private int activityThreads = 4;

        private Builder() {
        }

        /** Registers an orchestrator under the name it is scheduled by. */
        public Builder orchestrator(String name, OrchestratorFunction<?> function) {
            orchestrators.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /** Registers an activity under the name it is called by. */
        public Builder activity(String name, ActivityFunction function) {
            activities.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /** The clock; default {@link DurableClock#skipping()}. */
        public Builder clock(DurableClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Activities executed at once across all instances; default 4. */
        public Builder activityThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("activityThreads must be at least 1");
            }
            this.activityThreads = threads;
            return this;
        }

        /** Called after every activity execution, before its completion is recorded. */
        public Builder afterActivity(Consumer<ActivityCall> listener) {
            this.afterActivity = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Simulates a host crash: once an activity execution matches, its completion is not recorded and
         * every instance stops ({@link RunResult.Status#HALTED}). The activity's own work is done.
         */
        public Builder haltWhen(Predicate<ActivityCall> condition) {
            this.haltWhen = Objects.requireNonNull(condition, "condition");
            return this;
        }

        public InProcessDurableRunner build() {
            return new InProcessDurableRunner(this);
        }
    }

    /**
     * Starts an orchestration and runs it (with its sub-orchestrations) to its end or a halt.
     *
     * @param input the input, serialised with durabletask's Jackson converter (as a client's schedule call does)
     */
    public RunResult run(String orchestratorName, String instanceId, Object input) {
        Instance inst = start(orchestratorName, instanceId, JSON.serialize(input), null, null, -1);
        drive(inst, List.of(HistoryEvents.orchestratorStarted(inst.nextTimestamp(clock.now())), inst.started));
        return result(inst);
    }

    /**
     * Continues a halted instance (and its halted sub-orchestrations) from its recorded history, as a
     * restarted host would: work that was in flight is dispatched again.
     */
    public RunResult resume(String instanceId) {
        Instance inst = instances.get(instanceId);
        if (inst == null) {
            throw new IllegalArgumentException("no instance " + instanceId);
        }
        if (inst.status != RunResult.Status.HALTED) {
            throw new IllegalStateException("instance " + instanceId + " is " + inst.status + ", not halted");
        }
        awaitDrivers();
        halted.set(false);
        redispatch(inst);
        drive(inst, null);
        return result(inst);
    }

    /** The recorded history of an instance (for inspection). */
    public List<HistoryEvent> history(String instanceId) {
        Instance inst = instances.get(instanceId);
        return inst == null ? List.of() : List.copyOf(inst.history);
    }

    /** The last custom status an instance set, if any. */
    public Optional<String> customStatus(String instanceId) {
        Instance inst = instances.get(instanceId);
        return inst == null || inst.customStatus.isEmpty() ? Optional.empty() : Optional.of(inst.customStatus);
    }

    @Override
    public void close() {
        halted.set(true);
        activityPool.shutdownNow();
        instancePool.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private final class Instance {
        final String id;
        final String name;
        final OrchestratorFunction<?> function;
        final HistoryEvent started;
        final List<HistoryEvent> history = Collections.synchronizedList(new ArrayList<>());
        final LinkedBlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
        /** Scheduled work (activities, sub-orchestrations) without a recorded completion, by task id. */
        final Map<Integer, Work> inFlight = new ConcurrentHashMap<>();
        final TreeMap<Integer, Instant> timers = new TreeMap<>();
        final List<String> children = Collections.synchronizedList(new ArrayList<>());
        final List<String> customStatuses = new ArrayList<>();
        volatile RunResult.Status status;
        volatile String output = "";
        volatile String failure = "";
        volatile String customStatus = "";
        int episodes;
        int generation;
        Instant lastTimestamp = Instant.EPOCH;

        Instance(String id, String name, OrchestratorFunction<?> function, HistoryEvent started) {
            this.id = id;
            this.name = name;
            this.function = function;
            this.started = started;
        }

        /** A timestamp after every earlier one of this instance. */
        Instant nextTimestamp(Instant candidate) {
            Instant t = candidate.isAfter(lastTimestamp) ? candidate : lastTimestamp.plusNanos(1000);
            lastTimestamp = t;
            return t;
        }
    }

    /** A scheduled activity or sub-orchestration. */
    private record Work(int taskId, boolean activity, String name, String input, String childId) {
    }

    /** A completion on its way into an instance's history; stale after a halt (older generation). */
    private record Delivery(int generation, int taskId, HistoryEvent event) {
    }

    private Instance start(String name, String instanceId, String input, String parentId, String parentName,
                           int parentTaskId) {
        OrchestratorFunction<?> fn = orchestrators.get(name);
        if (fn == null) {
            throw new IllegalArgumentException("no orchestrator named '" + name + "' is registered");
        }
        Instant now = clock.now();
        Instance inst = new Instance(instanceId, name, fn,
                HistoryEvents.executionStarted(now, name, instanceId, input, parentId, parentName, parentTaskId));
        if (instances.putIfAbsent(instanceId, inst) != null) {
            throw new IllegalStateException("instance " + instanceId + " already exists");
        }
        return inst;
    }

    private void drive(Instance inst, List<HistoryEvent> firstEvents) {
        inst.status = null;
        List<HistoryEvent> newEvents = firstEvents;
        while (true) {
            if (newEvents == null) {
                newEvents = awaitEvents(inst);
                if (newEvents == null) {
                    inst.status = RunResult.Status.HALTED;
                    LOG.info("instanceId={} halted after {} episodes", inst.id, inst.episodes);
                    return;
                }
            }
            OrchestratorRequest request = OrchestratorRequest.newBuilder().setInstanceId(inst.id)
                    .addAllPastEvents(inst.history).addAllNewEvents(newEvents).build();
            OrchestratorResponse response;
            try {
                response = OrchestratorResponse.parseFrom(
                        OrchestrationRunner.loadAndRun(request.toByteArray(), inst.function));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("durabletask returned an unreadable response", e);
            }
            inst.episodes++;
            inst.history.addAll(newEvents);
            String status = response.hasCustomStatus() ? response.getCustomStatus().getValue() : "";
            if (!status.equals(inst.customStatus)) {
                inst.customStatus = status;
                if (!status.isEmpty()) {
                    inst.customStatuses.add(status);
                }
            }
            Instant now = inst.nextTimestamp(clock.now());
            boolean completed = false;
            for (OrchestratorAction action : response.getActionsList()) {
                switch (action.getOrchestratorActionTypeCase()) {
                    case SCHEDULETASK -> {
                        ScheduleTaskAction a = action.getScheduleTask();
                        String input = a.hasInput() ? a.getInput().getValue() : null;
                        inst.history.add(HistoryEvents.taskScheduled(now, action.getId(), a.getName(), input));
                        Work w = new Work(action.getId(), true, a.getName(), input, null);
                        inst.inFlight.put(w.taskId, w);
                        dispatch(inst, w);
                    }
                    case CREATETIMER -> {
                        Instant fireAt = DataConverter.getInstantFromTimestamp(action.getCreateTimer().getFireAt());
                        inst.history.add(HistoryEvents.timerCreated(now, action.getId(), fireAt));
                        inst.timers.put(action.getId(), fireAt);
                    }
                    case CREATESUBORCHESTRATION -> {
                        CreateSubOrchestrationAction a = action.getCreateSubOrchestration();
                        String input = a.hasInput() ? a.getInput().getValue() : null;
                        inst.history.add(HistoryEvents.subOrchestrationCreated(now, action.getId(), a.getName(),
                                a.getInstanceId(), input));
                        Work w = new Work(action.getId(), false, a.getName(), input, a.getInstanceId());
                        inst.inFlight.put(w.taskId, w);
                        inst.children.add(a.getInstanceId());
                        dispatch(inst, w);
                    }
                    case COMPLETEORCHESTRATION -> {
                        CompleteOrchestrationAction a = action.getCompleteOrchestration();
                        completed = true;
                        if (a.getOrchestrationStatus() == OrchestrationStatus.ORCHESTRATION_STATUS_FAILED) {
                            inst.status = RunResult.Status.FAILED;
                            inst.failure = a.getFailureDetails().getErrorType() + ": "
                                    + a.getFailureDetails().getErrorMessage();
                        } else if (a.getOrchestrationStatus() == OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED) {
                            inst.status = RunResult.Status.COMPLETED;
                            inst.output = a.hasResult() ? a.getResult().getValue() : "";
                        } else {
                            throw new UnsupportedOperationException("orchestration status "
                                    + a.getOrchestrationStatus() + " (continue-as-new, terminate) is not supported");
                        }
                    }
                    default -> throw new UnsupportedOperationException("orchestrator action "
                            + action.getOrchestratorActionTypeCase() + " is not supported by the in-process runner");
                }
            }
            inst.history.add(HistoryEvents.orchestratorCompleted(now));
            if (completed) {
                LOG.debug("instanceId={} {} after {} episodes", inst.id, inst.status, inst.episodes);
                return;
            }
            newEvents = null;
        }
    }

    /** Waits for completions and due timers; null when the run is halted. */
    private List<HistoryEvent> awaitEvents(Instance inst) {
        List<HistoryEvent> events = new ArrayList<>();
        try {
            while (events.isEmpty()) {
                if (halted.get()) {
                    return null;
                }
                drain(inst, inst.inbox.poll(), events);
                if (!events.isEmpty()) {
                    break;
                }
                if (!inst.inFlight.isEmpty()) {
                    long waitMs = IDLE_POLL_MS;
                    if (!inst.timers.isEmpty() && !clock.virtual()) {
                        long untilTimer = Duration.between(clock.now(), firstFire(inst)).toMillis();
                        waitMs = Math.max(0, Math.min(waitMs, untilTimer));
                    }
                    drain(inst, inst.inbox.poll(waitMs, TimeUnit.MILLISECONDS), events);
                } else if (!inst.timers.isEmpty()) {
                    clock.waitUntil(firstFire(inst));
                } else {
                    throw new IllegalStateException("instance " + inst.id
                            + " waits for nothing the in-process runner can deliver (external events are not supported)");
                }
                // timers fire strictly after their fire-at time (durabletask re-creates a timer fired at it)
                Instant now = clock.now();
                for (var it = inst.timers.entrySet().iterator(); it.hasNext(); ) {
                    var t = it.next();
                    if (t.getValue().isBefore(now)) {
                        events.add(HistoryEvents.timerFired(now, t.getKey(), t.getValue()));
                        it.remove();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        // completions arriving together go into one episode, as a backend batches its queue
        drain(inst, inst.inbox.poll(), events);
        List<HistoryEvent> out = new ArrayList<>(events.size() + 1);
        Instant ts = inst.nextTimestamp(clock.now());
        out.add(HistoryEvents.orchestratorStarted(ts));
        out.addAll(events);
        return out;
    }

    private Instant firstFire(Instance inst) {
        Instant first = null;
        for (Instant i : inst.timers.values()) {
            if (first == null || i.isBefore(first)) {
                first = i;
            }
        }
        return first.plusMillis(1);
    }

    private void drain(Instance inst, Delivery first, List<HistoryEvent> into) {
        Delivery d = first;
        while (d != null) {
            if (d.generation == inst.generation && inst.inFlight.remove(d.taskId) != null) {
                into.add(d.event);
            }
            d = inst.inbox.poll();
        }
    }

    private void dispatch(Instance inst, Work w) {
        int generation = inst.generation;
        if (w.activity) {
            activityPool.submit(() -> runActivity(inst, w, generation));
        } else {
            instancePool.submit(() -> runChild(inst, w, generation));
        }
    }

    private void runActivity(Instance inst, Work w, int generation) {
        ActivityFunction fn = activities.get(w.name);
        activityCalls.computeIfAbsent(w.name, k -> new AtomicInteger()).incrementAndGet();
        HistoryEvent event;
        ActivityCall call;
        try {
            if (fn == null) {
                throw new IllegalArgumentException("no activity named '" + w.name + "' is registered");
            }
            String output = JSON.serialize(fn.run(w.input));
            event = HistoryEvents.taskCompleted(clock.now(), w.taskId, output);
            call = new ActivityCall(inst.id, w.name, w.input == null ? "" : w.input, output == null ? "" : output, "");
        } catch (Exception | Error e) {
            LOG.warn("instanceId={} activity {} (#{}) failed: {}", inst.id, w.name, w.taskId, e.toString());
            event = HistoryEvents.taskFailed(clock.now(), w.taskId, e);
            call = new ActivityCall(inst.id, w.name, w.input == null ? "" : w.input, "",
                    e.getClass().getName() + ": " + e.getMessage());
        }
        afterActivity.accept(call);
        if (haltWhen.test(call)) {
            LOG.info("instanceId={} halting the run after activity {} (#{}): its completion is not recorded",
                    inst.id, w.name, w.taskId);
            halted.set(true);
            return;
        }
        inst.inbox.add(new Delivery(generation, w.taskId, event));
    }

    private void runChild(Instance parent, Work w, int generation) {
        Instance child = instances.get(w.childId);
        try {
            if (child == null) {
                child = start(w.name, w.childId, w.input, parent.id, parent.name, w.taskId);
                drive(child, List.of(HistoryEvents.orchestratorStarted(child.nextTimestamp(clock.now())),
                        child.started));
            } else if (child.status == RunResult.Status.HALTED) {
                redispatch(child);
                drive(child, null);
            }
            HistoryEvent event;
            if (child.status == RunResult.Status.COMPLETED) {
                event = HistoryEvents.subOrchestrationCompleted(clock.now(), w.taskId,
                        child.output.isEmpty() ? null : child.output);
            } else if (child.status == RunResult.Status.FAILED) {
                event = HistoryEvents.subOrchestrationFailed(clock.now(), w.taskId, TaskFailureDetails.newBuilder()
                        .setErrorType("SubOrchestrationFailed").setErrorMessage(child.failure).build());
            } else {
                return; // halted: the parent halts too
            }
            parent.inbox.add(new Delivery(generation, w.taskId, event));
        } catch (RuntimeException | Error e) {
            LOG.error("instanceId={} sub-orchestration {} could not run", parent.id, w.childId, e);
            parent.inbox.add(new Delivery(generation, w.taskId, HistoryEvents.subOrchestrationFailed(clock.now(),
                    w.taskId, HistoryEvents.details(e))));
        }
    }

    /** After a halt: forget undelivered completions and dispatch the in-flight work again. */
    private void redispatch(Instance inst) {
        inst.generation++;
        inst.inbox.clear();
        for (Work w : new ArrayList<>(inst.inFlight.values())) {
            dispatch(inst, w);
        }
    }

    /** Waits until no instance is still being driven by a thread of an earlier run. */
    private void awaitDrivers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Instance i : instances.values()) {
            while (i.status == null && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private RunResult result(Instance inst) {
        Map<String, Integer> calls = new TreeMap<>();
        activityCalls.forEach((k, v) -> calls.put(k, v.get()));
        return new RunResult(inst.id, inst.status, inst.output, inst.failure, inst.customStatus,
                List.copyOf(inst.customStatuses), stats(inst), totalStats(inst), inst.episodes, calls);
    }

    private static HistoryStats stats(Instance inst) {
        long bytes = 0;
        long largest = 0;
        List<HistoryEvent> events;
        synchronized (inst.history) {
            events = new ArrayList<>(inst.history);
        }
        for (HistoryEvent e : events) {
            int size = e.getSerializedSize();
            bytes += size;
            largest = Math.max(largest, size);
        }
        return new HistoryStats(1, events.size(), bytes, largest, bytes);
    }

    private HistoryStats totalStats(Instance inst) {
        HistoryStats s = stats(inst);
        List<String> kids;
        synchronized (inst.children) {
            kids = new ArrayList<>(inst.children);
        }
        for (String c : kids) {
            Instance child = instances.get(c);
            if (child != null) {
                s = s.plus(totalStats(child));
            }
        }
        return s;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
