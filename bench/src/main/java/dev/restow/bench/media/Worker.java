package dev.restow.bench.media;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.restow.aws.image.ImageHandler;
import dev.restow.aws.sqs.SqsEvents;
import dev.restow.local.LocalLambdaContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One image-function "container" and its share of Lambda's SQS poller: receive up to a batch of messages, build the
 * SQSEvent Lambda would, call the real {@link ImageHandler} with a Context counting down from the function timeout,
 * delete the messages the response does not list as failures. Runs until every message of the run has had an
 * answer (success or failure; failures are counted, not waited for).
 */
public final class Worker implements Callable<Void> {
    private final ImageHandler handler;
    private final SqsClient sqs;
    private final Queue queue;
    private final int batch;
    private final long timeoutMillis;
    private final PhaseClock clock;
    private final Drain drain;

    /** The work queue as the event source sees it. */
    public record Queue(String url, String arn, String region) {
    }

    /** What all workers of one run share: how many messages to expect, which have had their answer. */
    public static final class Drain {
        private final long expected;
        private final long deadlineNanos;
        private final Set<String> answered = ConcurrentHashMap.newKeySet();
        private final Set<String> failedIds = ConcurrentHashMap.newKeySet();
        private final AtomicLong invocations = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();

        public Drain(long expected, long maxMillis) {
            this.expected = expected;
            this.deadlineNanos = System.nanoTime() + maxMillis * 1_000_000L;
        }

        boolean done() {
            return answered.size() >= expected;
        }

        boolean overdue() {
            return System.nanoTime() > deadlineNanos;
        }

        public long invocations() {
            return invocations.get();
        }

        /** Batch item failures returned (a redelivered message that fails again counts again). */
        public long failures() {
            return failures.get();
        }

        /** Messages whose latest answer was a failure. */
        public long failedMessages() {
            return failedIds.size();
        }

        public long answered() {
            return answered.size();
        }
    }

    public Worker(ImageHandler handler, SqsClient sqs, Queue queue, int batch, long timeoutMillis, PhaseClock clock,
                  Drain drain) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.batch = batch;
        this.timeoutMillis = timeoutMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drain = Objects.requireNonNull(drain, "drain");
    }

    @Override
    public Void call() throws InterruptedException {
        clock.register();
        long loopWall = System.nanoTime();
        long loopCpu = PhaseClock.cpuNow();
        try {
            while (!drain.done()) {
                if (drain.overdue()) {
                    throw new IllegalStateException("the queue was not drained in time: " + drain.answered() + " of "
                            + drain.expected + " messages answered");
                }
                clock.begin();
                List<Message> messages;
                try {
                    messages = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(batch)
                            .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                            .messages();
                } finally {
                    clock.end(Phase.SQS_RECEIVE);
                }
                if (messages.isEmpty()) {
                    Thread.sleep(10); // the others hold the rest, or failures wait out their visibility timeout
                    continue;
                }
                SQSEvent event = SqsEvents.of(messages, queue.arn(), queue.region());
                long wall = System.nanoTime();
                long cpu = PhaseClock.cpuNow();
                SQSBatchResponse response = handler.handleRequest(event,
                        LocalLambdaContext.invocation("restow-image", Duration.ofMillis(timeoutMillis), 1769));
                clock.closeCodecWindow();
                clock.addHandler(System.nanoTime() - wall, PhaseClock.cpuNow() - cpu);
                drain.invocations.incrementAndGet();

                Set<String> failed = new HashSet<>();
                for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
                    failed.add(f.getItemIdentifier());
                }
                drain.failures.addAndGet(failed.size());
                List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
                for (Message m : messages) {
                    if (failed.contains(m.messageId())) {
                        drain.failedIds.add(m.messageId());
                    } else {
                        drain.failedIds.remove(m.messageId());
                        delete.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(delete.size()))
                                .receiptHandle(m.receiptHandle()).build());
                    }
                }
                if (!delete.isEmpty()) {
                    clock.begin();
                    try {
                        DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url())
                                .entries(delete));
                        if (r.hasFailed() && !r.failed().isEmpty()) {
                            throw new IllegalStateException("SQS did not delete " + r.failed().size()
                                    + " messages: " + r.failed().get(0).message());
                        }
                    } finally {
                        clock.end(Phase.SQS_DELETE);
                    }
                }
                for (Message m : messages) {
                    drain.answered.add(m.messageId());
                }
            }
            return null;
        } finally {
            clock.addLoop(System.nanoTime() - loopWall, PhaseClock.cpuNow() - loopCpu);
            clock.unregister();
        }
    }
}
