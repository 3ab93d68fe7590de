package dev.restow.local;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Holds a JVM-wide server: started on first {@link #get()}, stopped by a shutdown hook. A failed start is remembered
 * and reported again (instead of being retried on every call, or surfacing as {@code NoClassDefFoundError} as a
 * failed class initialiser would).
 */
final class SharedServer<T> {

    private final String name;
    private final Supplier<T> start;
    private final java.util.function.Consumer<T> stop;
    private T server;
    private RuntimeException failure;

    SharedServer(String name, Supplier<T> start, java.util.function.Consumer<T> stop) {
        this.name = Objects.requireNonNull(name, "name");
        this.start = Objects.requireNonNull(start, "start");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    synchronized T get() {
        if (server != null) {
            return server;
        }
        if (failure != null) {
            throw new IllegalStateException("the shared " + name + " failed to start earlier in this JVM: "
                    + failure.getMessage(), failure);
        }
        try {
            T started = start.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.accept(started),
                    "restow-local-stop-shared-" + name));
            server = started;
            return started;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** @return whether {@code candidate} is the shared instance (without starting it) */
    synchronized boolean is(Object candidate) {
        return server != null && server == candidate;
    }
}
