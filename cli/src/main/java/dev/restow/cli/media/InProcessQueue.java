package dev.restow.cli.media;

import dev.restow.media.ImageProcessor;
import dev.restow.media.ImageResult;
import dev.restow.media.ImageTask;
import dev.restow.media.WorkQueue;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WorkQueue} that hands each task straight to a pool of in-process workers running the per-image
 * {@link ImageProcessor}: the fan-out's walk feeds conversion without SQS. Bounded: when the workers fall behind, the
 * walking thread converts too (back-pressure, constant memory). A {@code failed} outcome is retried twice after a
 * pause, as SQS would redeliver it.
 */
public final class InProcessQueue implements WorkQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessQueue.class);
    private static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MS = 1_000;

    private final ImageProcessor processor;
    private final Consumer<ImageResult> results;
    private final ThreadPoolExecutor pool;

    /**
     * @param processor the per-image work
     * @param workers   threads converting at once
     * @param results   called once per task with its final result (from worker threads)
     */
    public InProcessQueue(ImageProcessor processor, int workers, Consumer<ImageResult> results) {
        this.processor = processor;
        this.results = results;
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 2), r -> {
                    Thread t = new Thread(r, "restow-optimize");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public List<EntryFailure> sendBatch(List<String> bodies) {
        if (bodies.isEmpty() || bodies.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_BATCH + " messages, got " + bodies.size());
        }
        for (String body : bodies) {
            ImageTask task = ImageTask.parse(body);
            pool.execute(() -> results.accept(process(task)));
        }
        return List.of();
    }

    private ImageResult process(ImageTask task) {
        ImageResult r = processor.process(task);
        for (int attempt = 2; attempt <= ATTEMPTS && r.isRetryable(); attempt++) {
            LOG.info("{} #{} {}: {} ({}); attempt {} of {}", task.source(), task.id(), task.column(), r.outcome(),
                    r.detail(), attempt, ATTEMPTS);
            try {
                Thread.sleep(RETRY_PAUSE_MS * (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = processor.process(task);
        }
        return r;
    }

    /** Waits until every task sent so far has its result. */
    public void drain() throws InterruptedException {
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            LOG.debug("waiting for {} conversions", pool.getActiveCount() + pool.getQueue().size());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
