package dev.restow.aws.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.IntSupplier;

/** A Lambda {@link Context} for calling handlers the way the runtime does; the remaining time is scripted. */
public final class TestContext implements Context {
    private final IntSupplier remaining;
    private final String requestId = UUID.randomUUID().toString();

    private TestContext(IntSupplier remaining) {
        this.remaining = remaining;
    }

    /** Plenty of time (15 minutes) on every call. */
    public static TestContext plenty() {
        return new TestContext(() -> 900_000);
    }

    /** A fixed remaining time. */
    public static TestContext remaining(int millis) {
        return new TestContext(() -> millis);
    }

    /** Plenty of time for the first {@code calls} asks, then none: the clock of a tiny time budget. */
    public static TestContext runsOutAfter(int calls) {
        int[] n = {0};
        return new TestContext(() -> n[0]++ < calls ? 900_000 : 0);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remaining.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
