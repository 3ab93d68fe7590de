package dev.restow.local;

import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An SQS-compatible server (ElasticMQ) in this JVM on {@code 127.0.0.1} and a random free port, for tests and the
 * CLI demo. It speaks the SQS JSON protocol of the AWS SDK v2 (and the older query protocol), enforces SQS limits
 * (batch of at most 10, message size), and supports visibility timeouts, redrive policies and dead-letter queues.
 * It does not check signatures: any credentials work, {@link #accessKey()} / {@link #secretKey()} are offered for
 * convenience.
 *
 * <pre>{@code
 * LocalSqs sqs = LocalSqs.shared();
 * String queueUrl = sqs.createQueue("images");
 * SqsClient client = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.of(sqs.region()))
 *     .credentialsProvider(StaticCredentialsProvider.create(
 *         AwsBasicCredentials.create(sqs.accessKey(), sqs.secretKey())))
 *     .build();
 * }</pre>
 */
public final class LocalSqs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSqs.class);
    private static final SharedServer<LocalSqs> SHARED =
            new SharedServer<>("SQS", LocalSqs::start, LocalSqs::stop);
    private static final String HOST = "127.0.0.1";
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT_ID = "000000000000";
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z]{1,64}");
    private static final Pattern QUEUE_URL = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final SQSRestServer server;
    private final URI endpoint;
    private final HttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://" + HOST + ":" + port);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Returns the JVM-wide server, starting it on first use; a shutdown hook stops it.
     *
     * @return the shared server; closing it is a no-op
     */
    public static LocalSqs shared() {
        return SHARED.get();
    }

    /**
     * Starts a private server; the caller closes it.
     *
     * @return a running server
     */
    public static LocalSqs start() {
        QuietLogs.apply();
        long started = System.nanoTime();
        SQSRestServer server = SQSRestServerBuilder
                .withInterface(HOST)
                .withDynamicPort()
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        Http.ServerBinding binding;
        try {
            binding = server.waitUntilStarted();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("could not start ElasticMQ on " + HOST + ": " + e.getMessage(), e);
        }
        LocalSqs sqs = new LocalSqs(server, binding.localAddress().getPort());
        LOG.info("SQS (ElasticMQ) listening on {} after {} ms", sqs.endpoint,
                (System.nanoTime() - started) / 1_000_000);
        return sqs;
    }

    /** @return the endpoint, {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the TCP port */
    public int port() {
        return endpoint.getPort();
    }

    /** @return the region queue ARNs are made in, {@code us-east-1} */
    public String region() {
        return REGION;
    }

    /** @return the account id queue ARNs are made with, {@code 000000000000} */
    public String accountId() {
        return ACCOUNT_ID;
    }

    /** @return an access key id for clients (not checked by the server) */
    public String accessKey() {
        return "restow-local-access";
    }

    /** @return a secret key for clients (not checked by the server) */
    public String secretKey() {
        return "restow-local-secret";
    }

    /**
     * @param queueName a queue name
     * @return the ARN of that queue, as used in a redrive policy's {@code deadLetterTargetArn}
     */
    public String queueArn(String queueName) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + Objects.requireNonNull(queueName, "queueName");
    }

    /**
     * Creates a standard queue with default attributes (or returns the URL of the existing one).
     *
     * @param queueName letters, digits, hyphens and underscores, at most 80 characters
     * @return the queue URL
     */
    public String createQueue(String queueName) {
        return createQueue(queueName, Map.of());
    }

    /**
     * Creates a queue with attributes, e.g. {@code VisibilityTimeout}, {@code RedrivePolicy}.
     *
     * @param queueName  letters, digits, hyphens and underscores, at most 80 characters ({@code .fifo} suffix for
     *                   a FIFO queue)
     * @param attributes SQS queue attributes
     * @return the queue URL
     * @throws IllegalArgumentException when the name or an attribute name is malformed
     * @throws IllegalStateException    when the server rejects the request
     */
    public String createQueue(String queueName, Map<String, String> attributes) {
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(attributes, "attributes");
        if (!QUEUE_NAME.matcher(queueName).matches()) {
            throw new IllegalArgumentException("queue name must match " + QUEUE_NAME.pattern() + " but was '"
                    + queueName + "'");
        }
        attributes.keySet().forEach(name -> {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("queue attribute name must match " + ATTRIBUTE_NAME.pattern()
                        + " but was '" + name + "'");
            }
        });
        requireOpen();
        String attributeJson = attributes.entrySet().stream()
                .map(e -> json(e.getKey()) + ":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String body = "{\"QueueName\":" + json(queueName) + ",\"Attributes\":" + attributeJson + "}";
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.CreateQueue")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach ElasticMQ at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating queue " + queueName, e);
        }
        Matcher url = QUEUE_URL.matcher(response.body());
        if (response.statusCode() != 200 || !url.find()) {
            throw new IllegalStateException("ElasticMQ refused to create queue " + queueName + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return url.group(1);
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("LocalSqs at " + endpoint + " is closed");
        }
    }

    /** Stops the server and drops all queues. A no-op for {@link #shared()}. */
    @Override
    public void close() {
        if (SHARED.is(this)) {
            return;
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.stopAndWait();
            } catch (RuntimeException e) {
                LOG.warn("ElasticMQ at {} did not stop cleanly: {}", endpoint, e.toString());
            }
            LOG.info("SQS at {} stopped", endpoint);
        }
    }
}
