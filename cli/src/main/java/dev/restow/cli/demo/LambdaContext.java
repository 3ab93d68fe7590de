package dev.restow.cli.demo;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda context a handler gets when the demo invokes it in-process: a name, a request id and a deadline. */
final class LambdaContext implements Context {

    private static final Logger LOG = LoggerFactory.getLogger("restow.demo.lambda");

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadlineNanos;
    private final int memoryMb;

    /**
     * @param functionName as in the SAM template
     * @param timeout      the function's timeout; the remaining time counts down from now
     * @param memoryMb     the function's memory setting
     */
    LambdaContext(String functionName, Duration timeout, int memoryMb) {
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.memoryMb = memoryMb;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "restow-demo";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
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
        long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
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
                LOG.info("{}", message);
            }

            @Override
            public void log(byte[] message) {
                LOG.info("{}", new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
