package dev.restow.ecal.blob;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decorator counting calls per operation at the port, for benchmarks and for tests that prove a
 * blob was not copied twice.
 */
public final class CountingBlobStore implements BlobStore {
    /** Operation names as counted. */
    public static final String LIST = "list";
    public static final String PROPERTIES = "properties";
    public static final String START_COPY = "startCopy";
    public static final String ABORT_COPY = "abortCopy";
    public static final String SET_TIER = "setTier";
    public static final String DELETE = "delete";
    public static final String GRANT_READ = "grantRead";

    private final BlobStore delegate;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public CountingBlobStore(BlobStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Calls of one operation so far. */
    public long count(String operation) {
        LongAdder a = counts.get(operation);
        return a == null ? 0 : a.sum();
    }

    /** Calls of every operation so far. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts per operation, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public void reset() {
        counts.clear();
    }

    private void hit(String op) {
        counts.computeIfAbsent(op, k -> new LongAdder()).increment();
    }

    @Override
    public String containerUrl() {
        return delegate.containerUrl();
    }

    @Override
    public String blobUrl(String name) {
        return delegate.blobUrl(name);
    }

    @Override
    public BlobPage list(String prefix, String continuation, int pageSize) {
        hit(LIST);
        return delegate.list(prefix, continuation, pageSize);
    }

    @Override
    public Optional<BlobProperties> properties(String name) {
        hit(PROPERTIES);
        return delegate.properties(name);
    }

    @Override
    public CopyState startCopy(String name, SignedUrl source, String tier, Map<String, String> metadata,
                               String sourceIfMatch) {
        hit(START_COPY);
        return delegate.startCopy(name, source, tier, metadata, sourceIfMatch);
    }

    @Override
    public void abortCopy(String name, String copyId) {
        hit(ABORT_COPY);
        delegate.abortCopy(name, copyId);
    }

    @Override
    public void setTier(String name, String tier) {
        hit(SET_TIER);
        delegate.setTier(name, tier);
    }

    @Override
    public DeleteOutcome deleteIfMatch(String name, String etag) {
        hit(DELETE);
        return delegate.deleteIfMatch(name, etag);
    }

    @Override
    public ReadGrant grantRead(Instant expiresAt) {
        hit(GRANT_READ);
        return delegate.grantRead(expiresAt);
    }
}
