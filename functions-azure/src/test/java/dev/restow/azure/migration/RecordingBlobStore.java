package dev.restow.azure.migration;

import dev.restow.ecal.blob.BlobPage;
import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.blob.CopyState;
import dev.restow.ecal.blob.ReadGrant;
import dev.restow.ecal.blob.SignedUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test decorator: remembers which blobs a copy was started for, and which were deleted. */
final class RecordingBlobStore implements BlobStore {
    private final BlobStore delegate;
    private final List<String> copiesStarted = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    RecordingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    /** Blob names a copy was started for, in call order (repeats kept). */
    List<String> copiesStarted() {
        return new ArrayList<>(copiesStarted);
    }

    List<String> deleted() {
        return new ArrayList<>(deleted);
    }

    void reset() {
        copiesStarted.clear();
        deleted.clear();
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
        return delegate.list(prefix, continuation, pageSize);
    }

    @Override
    public Optional<BlobProperties> properties(String name) {
        return delegate.properties(name);
    }

    @Override
    public CopyState startCopy(String name, SignedUrl source, String tier, Map<String, String> metadata,
                               String sourceIfMatch) {
        copiesStarted.add(name);
        return delegate.startCopy(name, source, tier, metadata, sourceIfMatch);
    }

    @Override
    public void abortCopy(String name, String copyId) {
        delegate.abortCopy(name, copyId);
    }

    @Override
    public void setTier(String name, String tier) {
        delegate.setTier(name, tier);
    }

    @Override
    public DeleteOutcome deleteIfMatch(String name, String etag) {
        DeleteOutcome o = delegate.deleteIfMatch(name, etag);
        if (o == DeleteOutcome.DELETED) {
            deleted.add(name);
        }
        return o;
    }

    @Override
    public ReadGrant grantRead(Instant expiresAt) {
        return delegate.grantRead(expiresAt);
    }
}
