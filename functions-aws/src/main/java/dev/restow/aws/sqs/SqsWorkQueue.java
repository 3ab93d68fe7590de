package dev.restow.aws.sqs;

import dev.restow.media.QueueException;
import dev.restow.media.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** {@link WorkQueue} on one SQS queue (or an SQS-compatible one). Thread-safe. */
public final class SqsWorkQueue implements WorkQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWorkQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    public String queueUrl() {
        return queueUrl;
    }

    @Override
    public List<EntryFailure> sendBatch(List<String> bodies) throws QueueException {
        if (bodies.isEmpty() || bodies.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_BATCH + " messages, got " + bodies.size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
        }
        SendMessageBatchResponse r;
        try {
            r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SqsException e) {
            boolean transientFailure = e.statusCode() >= 500 || e.isThrottlingException() || e.retryable();
            throw new QueueException("SendMessageBatch to " + queueUrl + ": " + e.getMessage(), transientFailure, e);
        } catch (SdkClientException e) {
            throw new QueueException("SendMessageBatch to " + queueUrl + ": " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new QueueException("SendMessageBatch to " + queueUrl + ": " + e.getMessage(), e.retryable(), e);
        }
        List<EntryFailure> failures = new ArrayList<>();
        for (BatchResultErrorEntry f : r.failed()) {
            failures.add(new EntryFailure(Integer.parseInt(f.id()), f.code(), f.message(),
                    Boolean.TRUE.equals(f.senderFault())));
        }
        return failures;
    }
}
