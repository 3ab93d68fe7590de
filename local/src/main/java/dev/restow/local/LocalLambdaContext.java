package dev.restow.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} of one in-process Lambda invocation, for calling handlers the way the runtime does (CLI demo,
 * benchmarks, tests): a function name, a request id, a memory setting and the remaining time, which either counts
 * down from the function's timeout or is scripted. The context's logger writes through SLF4J.
 */
public final class LocalLambdaContext implements Context {
    private static final Logger LOG = LoggerFactory.getLogger("restow.lambda");

    private final String functionName;
    private final IntSupplier remainingMillis;
    private final int memoryMb;
    private final String requestId = UUID.randomUUID().toString();

    private LocalLambdaContext(String functionName, IntSupplier remainingMillis, int memoryMb) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.remainingMillis = Objects.requireNonNull(remainingMillis, "remainingMillis");
        this.memoryMb = memoryMb;
    }

    /** An invocation starting now: the remaining time counts down from {@code timeout}. */
    public static LocalLambdaContext invocation(String functionName, Duration timeout, int memoryMb) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return new LocalLambdaContext(functionName, () -> (int) Math.max(0,
                Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000L)), memoryMb);
    }

    /** An invocation whose remaining time is whatever {@code remainingMillis} answers on each ask. */
    public static LocalLambdaContext scripted(String functionName, IntSupplier remainingMillis, int memoryMb) {
        return new LocalLambdaContext(functionName, remainingMillis, memoryMb);
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
        return "local";
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
        return remainingMillis.getAsInt();
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
