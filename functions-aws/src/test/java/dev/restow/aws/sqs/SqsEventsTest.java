package dev.restow.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventsTest {

    @Test
    void of_should_carryIdsBodyAndAttributes_when_messagesWereReceived() {
        Message m = Message.builder().messageId("m1").receiptHandle("rh1").body("{}").md5OfBody("99914b93")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2")).build();

        SQSEvent.SQSMessage r = SqsEvents.of(List.of(m), "arn:aws:sqs:us-east-1:000000000000:work", "us-east-1")
                .getRecords().get(0);

        assertThat(List.of(r.getMessageId(), r.getReceiptHandle(), r.getBody(), r.getMd5OfBody(), r.getEventSource(),
                r.getEventSourceArn(), r.getAwsRegion()))
                .containsExactly("m1", "rh1", "{}", "99914b93", "aws:sqs", "arn:aws:sqs:us-east-1:000000000000:work",
                        "us-east-1");
        assertThat(r.getAttributes()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void of_should_keepTheOrder_when_severalMessages() {
        List<Message> ms = List.of(Message.builder().messageId("a").build(), Message.builder().messageId("b").build());

        assertThat(SqsEvents.of(ms, "arn", "us-east-1").getRecords()).extracting(SQSEvent.SQSMessage::getMessageId)
                .containsExactly("a", "b");
    }
}
