package dev.restow.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.aws.support.Stack;
import dev.restow.media.ObjectHeaders;
import dev.restow.media.StoreException;
import dev.restow.media.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A conditional PUT whose first attempt lands on the server but whose response is lost on the wire: the SDK
 * retries, the retry meets its own condition (412), and the store must recognise its own write.
 */
class S3ObjectStoreRetryTest {
    private static Stack stack;

    @BeforeAll
    static void setUp() {
        stack = Stack.create("s3retry");
    }

    @AfterAll
    static void tearDown() {
        stack.close();
    }

    /** Sends every request to the real server, then loses the response of the first {@code n} PUTs. */
    private static final class LosesPutResponses implements SdkHttpClient {
        private final SdkHttpClient real = UrlConnectionHttpClient.create();
        private final AtomicInteger toLose;

        LosesPutResponses(int n) {
            this.toLose = new AtomicInteger(n);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest call = real.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    if (request.httpRequest().method() == SdkHttpMethod.PUT && toLose.getAndDecrement() > 0) {
                        response.responseBody().ifPresent(b -> {
                            try {
                                b.close();
                            } catch (IOException ignored) {
                                // the point is to lose it
                            }
                        });
                        throw new IOException("connection reset after the request was sent (injected)");
                    }
                    return response;
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static S3ObjectStore storeLosing(int responses, S3Client[] keep) {
        S3Client client = S3Client.builder()
                .endpointOverride(stack.s3Server.endpoint())
                .region(Region.of(stack.s3Server.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(stack.s3Server.accessKey(), stack.s3Server.secretKey())))
                .httpClient(new LosesPutResponses(responses))
                .build();
        keep[0] = client;
        return new S3ObjectStore(client, stack.bucket);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_should_returnItsOwnETag_when_theFirstAttemptLandedButItsResponseWasLost() throws Exception {
        S3Client[] client = new S3Client[1];
        S3ObjectStore store = storeLosing(1, client);
        try {
            String eTag = store.put("lost/a.webp", bytes("webp!"), ObjectHeaders.of("image/webp"),
                    WriteCondition.ifAbsent());

            assertThat(eTag).isEqualTo(new S3ObjectStore(stack.s3, stack.bucket).head("lost/a.webp").eTag());
            assertThat(stack.s3.getObjectAsBytes(b -> b.bucket(stack.bucket).key("lost/a.webp")).asUtf8String())
                    .isEqualTo("webp!");
        } finally {
            client[0].close();
        }
    }

    @Test
    void put_should_stillFailPrecondition_when_anotherWriterHeldTheKey() throws Exception {
        new S3ObjectStore(stack.s3, stack.bucket).put("taken/a.webp", bytes("theirs"), ObjectHeaders.of("image/webp"),
                WriteCondition.none());
        S3Client[] client = new S3Client[1];
        S3ObjectStore store = storeLosing(1, client);
        try {
            StoreException e = assertThrows(StoreException.class, () -> store.put("taken/a.webp", bytes("ours"),
                    ObjectHeaders.of("image/webp"), WriteCondition.ifAbsent()));

            assertThat(e.kind()).isEqualTo(StoreException.Kind.PRECONDITION_FAILED);
        } finally {
            client[0].close();
        }
    }
}
