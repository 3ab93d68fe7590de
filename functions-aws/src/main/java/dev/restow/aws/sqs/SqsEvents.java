package dev.restow.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Builds the {@link SQSEvent} Lambda's SQS poller hands a function from messages received with the SDK, so that
 * the CLI demo, the benchmarks and the tests call the handlers exactly as Lambda would.
 */
public final class SqsEvents {
    private SqsEvents() {
    }

    /**
     * @param messages messages as received (ids, receipt handles, bodies and system attributes are carried over)
     * @param queueArn the queue's ARN, as the event source
     * @param region   the queue's region
     */
    public static SQSEvent of(List<Message> messages, String queueArn, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(region);
            Map<String, String> attributes = new HashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            r.setAttributes(attributes);
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
