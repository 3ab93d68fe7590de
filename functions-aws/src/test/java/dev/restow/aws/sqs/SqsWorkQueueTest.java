package dev.restow.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.aws.support.Stack;
import dev.restow.media.BatchSender;
import dev.restow.media.QueueException;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS adapter against ElasticMQ. */
class SqsWorkQueueTest {
    private static Stack stack;

    @BeforeAll
    static void setUp() {
        stack = Stack.create("sqsqueue");
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    @Test
    void sendBatch_should_deliverEveryBody_when_tenAreSent() throws Exception {
        String url = stack.sqsServer.createQueue("ten-" + ProcessHandle.current().pid());
        SqsWorkQueue q = new SqsWorkQueue(stack.sqs, url);

        List<?> failures = q.sendBatch(IntStream.range(0, 10).mapToObj(i -> "m" + i).toList());

        assertThat(failures).isEmpty();
        assertThat(stack.depth(url)).isEqualTo(10);
    }

    @Test
    void sendBatch_should_refuse_when_givenElevenBodies() {
        SqsWorkQueue q = new SqsWorkQueue(stack.sqs, stack.workQueueUrl);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.sendBatch(IntStream.range(0, 11).mapToObj(i -> "m" + i).toList()));

        assertEquals("a batch holds 1..10 messages, got 11", e.getMessage());
    }

    @Test
    void sendAll_should_sendInBatchesOfTen_when_givenMore() throws Exception {
        String url = stack.sqsServer.createQueue("many-" + ProcessHandle.current().pid());

        BatchSender.of(new SqsWorkQueue(stack.sqs, url)).sendAll(IntStream.range(0, 95).mapToObj(i -> "m" + i).toList());

        assertThat(stack.depth(url)).isEqualTo(95);
    }

    @Test
    void sendBatch_should_throwTransient_when_theQueueIsUnreachable() {
        SqsClient down = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + Stack.closedPort()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();

        QueueException e = assertThrows(QueueException.class,
                () -> new SqsWorkQueue(down, stack.workQueueUrl).sendBatch(List.of("m")));

        assertThat(e.isTransient()).isTrue();
    }
}
