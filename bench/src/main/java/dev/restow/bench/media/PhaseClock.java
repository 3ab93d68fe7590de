package dev.restow.bench.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall and thread-CPU time per {@link Phase}, summed over the worker threads.
 *
 * <p>The decorators ({@link TimedObjectStore}, {@link TimedDataSource}) and the poller call {@link #begin()} and
 * {@link #end(Phase)} around every call; nested calls count once, in the outermost phase. The codec cannot be
 * wrapped ({@code ImageCodec} is final and {@code ImageProcessor} keeps its {@code Conversion} to itself), so its
 * time is taken as a <em>window</em>: from the moment {@code ObjectStore.get} hands the original's bytes back to
 * the next store or database call on the same thread. {@code ImageProcessor} does nothing else in between except
 * build the upload's headers, which the {@link CodecSampler}'s stack samples tell apart from decode and encode.
 */
public final class PhaseClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final Map<Phase, LongAdder> wall = adders();
    private final Map<Phase, LongAdder> cpu = adders();
    private final Map<Phase, LongAdder> calls = adders();
    private final LongAdder windowWall = new LongAdder();
    private final LongAdder windowCpu = new LongAdder();
    private final LongAdder windows = new LongAdder();
    private final LongAdder handlerWall = new LongAdder();
    private final LongAdder handlerCpu = new LongAdder();
    private final LongAdder loopWall = new LongAdder();
    private final LongAdder loopCpu = new LongAdder();
    private final ThreadLocal<ThreadState> state = ThreadLocal.withInitial(ThreadState::new);
    private final Map<Thread, ThreadState> registered = new ConcurrentHashMap<>();

    /** Per-thread bookkeeping; {@code windowOpen} is read by the sampler thread. */
    static final class ThreadState {
        int depth;
        long callWall;
        long callCpu;
        volatile boolean windowOpen;
        /** Counts the windows opened; written before {@code windowOpen}, read by the sampler after it. */
        volatile long windowSeq;
        volatile long windowWall;
        long windowCpu;
    }

    private static Map<Phase, LongAdder> adders() {
        Map<Phase, LongAdder> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, new LongAdder());
        }
        return m;
    }

    /** The current thread's CPU time in nanoseconds (0 when the JVM cannot tell). */
    public static long cpuNow() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    /** Makes the current thread visible to the {@link CodecSampler}. */
    public void register() {
        registered.put(Thread.currentThread(), state.get());
    }

    public void unregister() {
        registered.remove(Thread.currentThread());
    }

    /** The registered threads and their state (for the sampler). */
    Map<Thread, ThreadState> registered() {
        return registered;
    }

    /** Starts timing a call on this thread; closes an open codec window first. */
    public void begin() {
        ThreadState s = state.get();
        if (s.depth++ == 0) {
            closeWindow(s);
            s.callWall = System.nanoTime();
            s.callCpu = cpuNow();
        }
    }

    /** Ends the call started by the matching {@link #begin()}, adding it to {@code phase} as one call. */
    public void end(Phase phase) {
        end(phase, true);
    }

    /**
     * Ends the call started by the matching {@link #begin()}, adding its time to {@code phase}.
     *
     * @param counted whether it counts as a call (a round trip) in the report, or only adds time (a JDBC setter)
     */
    public void end(Phase phase, boolean counted) {
        ThreadState s = state.get();
        if (--s.depth == 0) {
            add(phase, System.nanoTime() - s.callWall, cpuNow() - s.callCpu, counted ? 1 : 0);
        }
    }

    /** Opens the codec window on this thread: the original's bytes were just handed to ImageProcessor. */
    public void openCodecWindow() {
        ThreadState s = state.get();
        s.windowWall = System.nanoTime();
        s.windowCpu = cpuNow();
        s.windowSeq++;
        s.windowOpen = true;
    }

    /** Closes this thread's codec window if open (the harness calls it after each handler invocation). */
    public void closeCodecWindow() {
        closeWindow(state.get());
    }

    private void closeWindow(ThreadState s) {
        if (s.windowOpen) {
            s.windowOpen = false;
            windowWall.add(System.nanoTime() - s.windowWall);
            windowCpu.add(cpuNow() - s.windowCpu);
            windows.increment();
        }
    }

    public void add(Phase phase, long wallNanos, long cpuNanos, long n) {
        wall.get(phase).add(wallNanos);
        cpu.get(phase).add(cpuNanos);
        calls.get(phase).add(n);
    }

    /** One {@code ImageHandler.handleRequest} call. */
    public void addHandler(long wallNanos, long cpuNanos) {
        handlerWall.add(wallNanos);
        handlerCpu.add(cpuNanos);
    }

    /** One worker's whole drain loop. */
    public void addLoop(long wallNanos, long cpuNanos) {
        loopWall.add(wallNanos);
        loopCpu.add(cpuNanos);
    }

    /** Forgets everything measured so far (between the warm-up and the measured run; no worker running). */
    public void reset() {
        for (Phase p : Phase.values()) {
            wall.get(p).reset();
            cpu.get(p).reset();
            calls.get(p).reset();
        }
        windowWall.reset();
        windowCpu.reset();
        windows.reset();
        handlerWall.reset();
        handlerCpu.reset();
        loopWall.reset();
        loopCpu.reset();
    }

    /** Wall, CPU and call count of one phase as measured directly. */
    public record Totals(long wallNanos, long cpuNanos, long calls) {
        public Totals plus(Totals o) {
            return new Totals(wallNanos + o.wallNanos, cpuNanos + o.cpuNanos, calls + o.calls);
        }

        public Totals minus(Totals o) {
            return new Totals(wallNanos - o.wallNanos, cpuNanos - o.cpuNanos, calls);
        }

        public Totals scaled(double f) {
            return new Totals(Math.round(wallNanos * f), Math.round(cpuNanos * f), calls);
        }
    }

    public Totals phase(Phase p) {
        return new Totals(wall.get(p).sum(), cpu.get(p).sum(), calls.get(p).sum());
    }

    /** The codec windows: one per image that was fetched and handed to the codec. */
    public Totals codecWindows() {
        return new Totals(windowWall.sum(), windowCpu.sum(), windows.sum());
    }

    public Totals handlers() {
        return new Totals(handlerWall.sum(), handlerCpu.sum(), 0);
    }

    public Totals loops() {
        return new Totals(loopWall.sum(), loopCpu.sum(), 0);
    }
}
