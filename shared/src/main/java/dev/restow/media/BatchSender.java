package dev.restow.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends any number of messages through a {@link WorkQueue} in batches of ten, retrying the entries (and whole
 * requests) that failed transiently with a short exponential back-off. Thread-safe.
 */
public final class BatchSender {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final WorkQueue queue;
    private final int attempts;
    private final long backoffMillis;

    /**
     * @param attempts      tries per message, at least 1
     * @param backoffMillis first pause between tries; doubled each time
     */
    public BatchSender(WorkQueue queue, int attempts, long backoffMillis) {
        this.queue = Objects.requireNonNull(queue, "queue");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
        this.attempts = attempts;
        this.backoffMillis = Math.max(0, backoffMillis);
    }

    /** Five tries, 50 ms first back-off. */
    public static BatchSender of(WorkQueue queue) {
        return new BatchSender(queue, 5, 50);
    }

    /**
     * Sends every body, up to {@code parallelism} batches at a time on {@code executor}. Returns when all were
     * accepted.
     *
     * @throws QueueException as {@link #sendAll(List)}; the first failure, after every batch has finished
     */
    public void sendAll(List<String> bodies, java.util.concurrent.ExecutorService executor) throws QueueException {
        if (bodies.size() <= WorkQueue.MAX_BATCH || executor == null) {
            sendAll(bodies);
            return;
        }
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < bodies.size(); from += WorkQueue.MAX_BATCH) {
            List<String> batch = bodies.subList(from, Math.min(bodies.size(), from + WorkQueue.MAX_BATCH));
            futures.add(executor.submit(() -> {
                sendWithRetries(batch);
                return null;
            }));
        }
        QueueException first = null;
        for (java.util.concurrent.Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueueException("interrupted while sending", true, e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (first == null) {
                    first = cause instanceof QueueException q ? q
                            : new QueueException("send failed: " + cause, true, cause);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Sends every body. Returns when all were accepted.
     *
     * @throws QueueException when a body was refused as bad, or still failed after every try; messages sent before
     *                        stay sent (the per-image work is idempotent, so a repeated fan-out is harmless)
     */
    public void sendAll(List<String> bodies) throws QueueException {
        for (int from = 0; from < bodies.size(); from += WorkQueue.MAX_BATCH) {
            sendWithRetries(bodies.subList(from, Math.min(bodies.size(), from + WorkQueue.MAX_BATCH)));
        }
    }

    private void sendWithRetries(List<String> batch) throws QueueException {
        List<String> pending = batch;
        long pause = backoffMillis;
        for (int attempt = 1; ; attempt++) {
            List<WorkQueue.EntryFailure> failures;
            try {
                failures = queue.sendBatch(pending);
            } catch (QueueException e) {
                if (!e.isTransient() || attempt >= attempts) {
                    throw e;
                }
                LOG.warn("send of {} messages failed (attempt {} of {}): {}", pending.size(), attempt, attempts,
                        e.getMessage());
                sleep(pause);
                pause *= 2;
                continue;
            }
            if (failures.isEmpty()) {
                return;
            }
            List<String> retry = new ArrayList<>();
            for (WorkQueue.EntryFailure f : failures) {
                if (f.senderFault()) {
                    throw new QueueException("message refused: " + f.code() + ": " + f.message(), false);
                }
                retry.add(pending.get(f.index()));
            }
            if (attempt >= attempts) {
                WorkQueue.EntryFailure first = failures.get(0);
                throw new QueueException(failures.size() + " messages not accepted after " + attempts + " tries: "
                        + first.code() + ": " + first.message(), true);
            }
            LOG.warn("{} of {} messages not accepted (attempt {} of {}): {}", failures.size(), pending.size(),
                    attempt, attempts, failures.get(0).code());
            pending = retry;
            sleep(pause);
            pause *= 2;
        }
    }

    private static void sleep(long millis) throws QueueException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("interrupted while retrying a send", true, e);
        }
    }
}
