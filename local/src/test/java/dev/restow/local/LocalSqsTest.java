package dev.restow.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Connects with the SDK v2 SQS client (JSON protocol). */
class LocalSqsTest {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    private static LocalSqs sqs;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.shared();
        client = client(sqs);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    static SqsClient client(LocalSqs server) {
        return SqsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .build();
    }

    private static String newQueueName() {
        return "q" + QUEUES.incrementAndGet();
    }

    private static List<SendMessageBatchRequestEntry> entries(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("{\"row\":" + i + "}")
                        .build())
                .toList();
    }

    private static List<Message> receiveAll(String url, int expected) {
        List<Message> all = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && all.size() < expected; attempt++) {
            all.addAll(client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
        }
        return all;
    }

    @Test
    void createQueue_should_returnAQueueUrlOnTheEndpoint_when_called() {
        String name = newQueueName();

        assertThat(sqs.createQueue(name)).isEqualTo(sqs.endpoint() + "/" + sqs.accountId() + "/" + name);
    }

    @Test
    void createQueue_should_beFoundByTheSdk_when_createdLocally() {
        String name = newQueueName();
        String url = sqs.createQueue(name);

        assertThat(client.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);
    }

    @Test
    void createQueue_should_applyAttributes_when_given() {
        String url = sqs.createQueue(newQueueName(), Map.of("VisibilityTimeout", "42"));

        assertThat(client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "42");
    }

    @Test
    void createQueue_should_rejectName_when_itHasADot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sqs.createQueue("a.b"));

        assertThat(e).hasMessage("queue name must match [A-Za-z0-9_-]{1,75}(\\.fifo)? but was 'a.b'");
    }

    @Test
    void sdkCreateQueue_should_returnAUrl_when_called() {
        String name = newQueueName();

        assertThat(client.createQueue(b -> b.queueName(name)).queueUrl()).endsWith("/" + name);
    }

    @Test
    void sendMessageBatch_should_acceptAllEntries_when_tenOrFewer() {
        String url = sqs.createQueue(newQueueName());

        SendMessageBatchResponse response = client.sendMessageBatch(b -> b.queueUrl(url).entries(entries(10)));

        assertThat(response.successful()).hasSize(10);
    }

    @Test
    void sendMessageBatch_should_rejectTheBatch_when_elevenEntries() {
        String url = sqs.createQueue(newQueueName());

        assertThrows(TooManyEntriesInBatchRequestException.class,
                () -> client.sendMessageBatch(b -> b.queueUrl(url).entries(entries(11))));
    }

    @Test
    void receiveMessage_should_returnBodiesAndAttributes_when_sent() {
        String url = sqs.createQueue(newQueueName());
        client.sendMessage(b -> b.queueUrl(url).messageBody("{\"id\":7}").messageAttributes(Map.of("job",
                MessageAttributeValue.builder().dataType("String").stringValue("media").build())));

        Message m = receiveAll(url, 1).get(0);

        assertThat(new Object[] {m.body(), m.messageAttributes().get("job").stringValue()})
                .containsExactly("{\"id\":7}", "media");
    }

    @Test
    void deleteMessageBatch_should_emptyTheQueue_when_allReceivedAreDeleted() {
        String url = sqs.createQueue(newQueueName(), Map.of("VisibilityTimeout", "0"));
        client.sendMessageBatch(b -> b.queueUrl(url).entries(entries(3)));
        List<Message> received = receiveAll(url, 3);

        client.deleteMessageBatch(b -> b.queueUrl(url).entries(received.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build())
                .toList()));

        assertThat(client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
    }

    @Test
    void redrivePolicy_should_moveAMessageToTheDeadLetterQueue_when_receivedMoreThanMaxReceiveCount() {
        String dlqName = newQueueName();
        String dlq = sqs.createQueue(dlqName);
        String main = sqs.createQueue(newQueueName(), Map.of("VisibilityTimeout", "0",
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + sqs.queueArn(dlqName) + "\",\"maxReceiveCount\":\"1\"}"));
        client.sendMessage(b -> b.queueUrl(main).messageBody("poison"));
        assertThat(receiveAll(main, 1)).hasSize(1);

        // the second receive finds the receive count exceeded and moves the message instead of delivering it
        assertThat(client.receiveMessage(b -> b.queueUrl(main).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(receiveAll(dlq, 1)).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void close_should_refuseConnections_when_privateServerClosed() {
        int port;
        try (LocalSqs own = LocalSqs.start()) {
            port = own.port();
            own.createQueue("x");
            assertThat(Ports.isListening(port)).isTrue();
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void shared_should_returnTheSameServer_when_calledTwice() {
        assertThat(LocalSqs.shared()).isSameAs(sqs);
    }
}
