package dev.restow.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * All four local servers — PostgreSQL, S3, SQS and Azurite (accounts {@code hotstore}, {@code coldstore}) — started
 * in parallel as private instances and closed together; used by the CLI demo.
 *
 * <pre>{@code
 * try (LocalServers servers = LocalServers.start()) {
 *     String db = servers.postgres().createDatabase();
 *     servers.s3().createBucket("media");
 *     ...
 * }
 * }</pre>
 *
 * <p>After {@link #close()} nothing is left running or listening: the PostgreSQL and node processes are gone and all
 * four ports refuse connections.
 */
public final class LocalServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServers.class);

    private final LocalPostgres postgres;
    private final LocalS3 s3;
    private final LocalSqs sqs;
    private final LocalAzurite azurite;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalServers(LocalPostgres postgres, LocalS3 s3, LocalSqs sqs, LocalAzurite azurite) {
        this.postgres = postgres;
        this.s3 = s3;
        this.sqs = sqs;
        this.azurite = azurite;
    }

    /**
     * Starts the four servers in parallel. When one fails, the others are closed and the first failure is thrown
     * (later ones attached as suppressed).
     *
     * @return the running servers
     */
    public static LocalServers start() {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "restow-local-servers-start");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<LocalAzurite> azurite = async(pool,
                    () -> LocalAzurite.start(LocalAzurite.SHARED_ACCOUNTS.toArray(String[]::new)));
            CompletableFuture<LocalPostgres> postgres = async(pool, LocalPostgres::start);
            CompletableFuture<LocalS3> s3 = async(pool, LocalS3::start);
            CompletableFuture<LocalSqs> sqs = async(pool, LocalSqs::start);
            List<CompletableFuture<? extends AutoCloseable>> all = List.of(postgres, s3, sqs, azurite);
            RuntimeException failure = null;
            for (CompletableFuture<? extends AutoCloseable> f : all) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                for (CompletableFuture<? extends AutoCloseable> f : all) {
                    if (!f.isCompletedExceptionally()) {
                        closeQuietly(f.join(), failure);
                    }
                }
                throw failure;
            }
            LocalServers servers = new LocalServers(postgres.join(), s3.join(), sqs.join(), azurite.join());
            LOG.info("local servers up after {} ms: PostgreSQL 127.0.0.1:{}, S3 {}, SQS {}, Azurite 127.0.0.1:{}",
                    (System.nanoTime() - started) / 1_000_000, servers.postgres.port(), servers.s3.endpoint(),
                    servers.sqs.endpoint(), servers.azurite.port());
            return servers;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, pool);
    }

    private static void closeQuietly(AutoCloseable server, Throwable into) {
        try {
            server.close();
        } catch (Exception e) {
            into.addSuppressed(e);
        }
    }

    /** @return the PostgreSQL server */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** @return the S3-compatible server (in memory) */
    public LocalS3 s3() {
        return s3;
    }

    /** @return the SQS-compatible server */
    public LocalSqs sqs() {
        return sqs;
    }

    /** @return Azurite with the accounts {@code hotstore} and {@code coldstore} */
    public LocalAzurite azurite() {
        return azurite;
    }

    /**
     * Closes all four servers (each even when another fails to close).
     *
     * @throws IllegalStateException when one or more did not close cleanly (the others are closed anyway)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable server : List.<AutoCloseable>of(azurite, postgres, s3, sqs)) {
            try {
                server.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(failures.size()
                    + " local server(s) did not close cleanly: " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        LOG.info("local servers stopped");
    }
}
