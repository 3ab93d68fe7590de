package dev.restow.bench.media;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits the measured codec windows into decode, encode and other by sampling the stacks of the worker threads
 * while their window is open (a sampling profiler restricted to the codec). A sample whose stack is in
 * {@code WebpEncoder} is encoding; elsewhere in {@code ImageCodec.convert} it is decoding (sniffing, header checks,
 * pixel decoding, colour conversion, orientation); outside {@code ImageCodec} it is ImageProcessor's own work in the
 * window (building the upload's headers).
 *
 * <p>Each sample is weighted by the time since the thread's previous sample in the same window (or since the window
 * opened), not counted: on a loaded machine a thread running Java code answers a stack request only once it is
 * scheduled again, while a thread inside libwebp (native) answers at once, so counting samples would favour the
 * encoder. Only the shares are used; they are applied to the exactly measured window time.
 *
 * <p>Needed only because the codec's own {@code decodeNanos}/{@code encodeNanos} do not reach the handler's callers;
 * see docs/benchmarks.md.
 */
public final class CodecSampler implements AutoCloseable {
    static final String CODEC_CLASS = "dev.restow.image.ImageCodec";
    static final String ENCODER_CLASS = "dev.restow.image.internal.WebpEncoder";

    private final PhaseClock clock;
    private final long intervalNanos;
    private final AtomicLong decode = new AtomicLong();
    private final AtomicLong encode = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    /** Per thread: the window last sampled and when (sampler thread only). */
    private final Map<Thread, long[]> last = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public CodecSampler(PhaseClock clock, double intervalMillis) {
        this.clock = clock;
        this.intervalNanos = Math.max(100_000L, Math.round(intervalMillis * 1_000_000));
        this.thread = new Thread(this::run, "mediabench-sampler");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
        this.thread.start();
    }

    /**
     * The sampled time in each part of the window, in nanoseconds, and the number of samples.
     */
    public record Samples(long decodeNanos, long encodeNanos, long otherNanos, long count) {
        public long totalNanos() {
            return decodeNanos + encodeNanos + otherNanos;
        }
    }

    public Samples samples() {
        return new Samples(decode.get(), encode.get(), other.get(), samples.get());
    }

    /** Forgets the samples so far (no worker running). */
    public void reset() {
        decode.set(0);
        encode.set(0);
        other.set(0);
        samples.set(0);
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            for (Map.Entry<Thread, PhaseClock.ThreadState> e : clock.registered().entrySet()) {
                PhaseClock.ThreadState s = e.getValue();
                if (!s.windowOpen) {
                    continue;
                }
                long seq = s.windowSeq;
                long opened = s.windowWall;
                StackTraceElement[] stack = e.getKey().getStackTrace();
                long now = System.nanoTime();
                if (!s.windowOpen || s.windowSeq != seq) {
                    continue; // the window closed (or another opened) meanwhile: the stack may be from outside
                }
                long[] l = last.computeIfAbsent(e.getKey(), t -> new long[]{-1, 0});
                long since = l[0] == seq ? l[1] : opened;
                l[0] = seq;
                l[1] = now;
                classify(stack).addAndGet(Math.max(0, now - since));
                samples.incrementAndGet();
            }
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime(); // fell behind (busy machine): no burst of samples
            }
        }
    }

    private AtomicLong classify(StackTraceElement[] stack) {
        boolean inCodec = false;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.equals(ENCODER_CLASS)) {
                return encode;
            }
            if (c.equals(CODEC_CLASS)) {
                inCodec = true;
            }
        }
        return inCodec ? decode : other;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
