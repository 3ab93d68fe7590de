package dev.restow.bench.media;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The {@link Context} of one invocation: the remaining time counts down from the function's timeout. */
public final class LambdaContext implements Context {
    private final String function;
    private final long deadlineNanos;
    private final int memoryMb;
    private final String requestId = UUID.randomUUID().toString();

    private LambdaContext(String function, long timeoutMillis, int memoryMb) {
        this.function = function;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.memoryMb = memoryMb;
    }

    /** A context for an invocation starting now. */
    public static LambdaContext invocation(String function, long timeoutMillis, int memoryMb) {
        return new LambdaContext(function, timeoutMillis, memoryMb);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "mediabench";
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + function;
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
    public int getMemoryLimitInMB() {
        return memoryMb;
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
