package dev.restow.aws.support;

import com.amazonaws.services.lambda.runtime.Context;
import dev.restow.local.LocalLambdaContext;

/** Lambda {@link Context}s for calling handlers the way the runtime does, with a scripted remaining time. */
public final class TestContext {
    private static final String FUNCTION = "test";
    private static final int MEMORY_MB = 1024;

    private TestContext() {
    }

    /** Plenty of time (15 minutes) on every call. */
    public static Context plenty() {
        return LocalLambdaContext.scripted(FUNCTION, () -> 900_000, MEMORY_MB);
    }

    /** A fixed remaining time. */
    public static Context remaining(int millis) {
        return LocalLambdaContext.scripted(FUNCTION, () -> millis, MEMORY_MB);
    }

    /** Plenty of time for the first {@code calls} asks, then none: the clock of a tiny time budget. */
    public static Context runsOutAfter(int calls) {
        int[] n = {0};
        return LocalLambdaContext.scripted(FUNCTION, () -> n[0]++ < calls ? 900_000 : 0, MEMORY_MB);
    }
}
