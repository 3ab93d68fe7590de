package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One-class unit test with a scripted in-memory queue. */
class BatchSenderTest {

    /** Accepts everything except, on the first try of each body in {@code flaky}, that body. */
    private static final class ScriptedQueue implements WorkQueue {
        final List<String> accepted = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<String> flaky;
        final boolean senderFault;

        ScriptedQueue(List<String> flaky, boolean senderFault) {
            this.flaky = new ArrayList<>(flaky);
            this.senderFault = senderFault;
        }

        @Override
        public synchronized List<EntryFailure> sendBatch(List<String> bodies) {
            batchSizes.add(bodies.size());
            List<EntryFailure> failures = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                if (flaky.remove(bodies.get(i))) {
                    failures.add(new EntryFailure(i, "ServiceUnavailable", "try again", senderFault));
                } else {
                    accepted.add(bodies.get(i));
                }
            }
            return failures;
        }
    }

    @Test
    void sendAll_should_retryOnlyTheFailedEntries_when_someAreNotAccepted() throws Exception {
        ScriptedQueue q = new ScriptedQueue(List.of("m3", "m7"), false);

        new BatchSender(q, 3, 0).sendAll(IntStream.range(0, 12).mapToObj(i -> "m" + i).toList());

        assertThat(q.accepted).hasSize(12).doesNotHaveDuplicates();
        assertThat(q.batchSizes).containsExactly(10, 2, 2);
    }

    @Test
    void sendAll_should_failWithoutRetrying_when_anEntryIsTheSendersFault() {
        ScriptedQueue q = new ScriptedQueue(List.of("m1"), true);

        QueueException e = assertThrows(QueueException.class,
                () -> new BatchSender(q, 3, 0).sendAll(List.of("m0", "m1")));

        assertEquals("message refused: ServiceUnavailable: try again", e.getMessage());
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void sendAll_should_sendEveryBodyOnce_when_sendingBatchesInParallel() throws Exception {
        ScriptedQueue q = new ScriptedQueue(List.of("m55"), false);
        var executor = Executors.newFixedThreadPool(4);

        new BatchSender(q, 3, 0).sendAll(IntStream.range(0, 100).mapToObj(i -> "m" + i).toList(), executor);
        executor.shutdown();

        assertThat(q.accepted).hasSize(100).doesNotHaveDuplicates();
    }
}
