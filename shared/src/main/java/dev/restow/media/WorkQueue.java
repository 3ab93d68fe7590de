package dev.restow.media;

import java.util.List;

/**
 * The port to a message queue (SQS in {@code functions-aws}). Implementations are thread-safe.
 * Use {@link BatchSender} to send any number of messages with retries of the failed entries.
 */
public interface WorkQueue {

    /** The most messages one {@link #sendBatch(List)} call takes (SQS's limit). */
    int MAX_BATCH = 10;

    /**
     * Sends up to {@value #MAX_BATCH} message bodies in one request.
     *
     * @return the entries that were not accepted (empty when all were), by index into {@code bodies}
     * @throws QueueException when the whole request failed
     * @throws IllegalArgumentException for an empty list or more than {@value #MAX_BATCH} bodies
     */
    List<EntryFailure> sendBatch(List<String> bodies) throws QueueException;

    /**
     * One entry of a batch the queue did not accept.
     *
     * @param index       position in the batch
     * @param code        the queue's error code
     * @param message     the queue's explanation
     * @param senderFault true when the entry itself is bad (retrying will not help)
     */
    record EntryFailure(int index, String code, String message, boolean senderFault) {
    }
}
