package dev.restow.bench.media;

import dev.restow.media.ObjectAcl;
import dev.restow.media.ObjectHeaders;
import dev.restow.media.ObjectInfo;
import dev.restow.media.ObjectStore;
import dev.restow.media.StoreException;
import dev.restow.media.WriteCondition;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link ObjectStore} that times every call of the real one (the S3 adapter) and opens the codec window when a
 * GET hands the original's bytes back.
 */
public final class TimedObjectStore implements ObjectStore {
    private final ObjectStore store;
    private final PhaseClock clock;

    public TimedObjectStore(ObjectStore store, PhaseClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ObjectInfo head(String key) throws StoreException {
        clock.begin();
        try {
            return store.head(key);
        } finally {
            clock.end(Phase.S3_HEAD);
        }
    }

    @Override
    public Map<String, String> tags(String key) throws StoreException {
        clock.begin();
        try {
            return store.tags(key);
        } finally {
            clock.end(Phase.S3_TAGS);
        }
    }

    @Override
    public ObjectAcl acl(String key) throws StoreException {
        clock.begin();
        try {
            return store.acl(key);
        } finally {
            clock.end(Phase.S3_ACL);
        }
    }

    @Override
    public byte[] get(String key, String eTag) throws StoreException {
        clock.begin();
        byte[] bytes;
        try {
            bytes = store.get(key, eTag);
        } finally {
            clock.end(Phase.S3_GET);
        }
        clock.openCodecWindow();
        return bytes;
    }

    @Override
    public String put(String key, byte[] body, ObjectHeaders headers, WriteCondition condition)
            throws StoreException {
        clock.begin();
        try {
            return store.put(key, body, headers, condition);
        } finally {
            clock.end(Phase.S3_PUT);
        }
    }

    @Override
    public void delete(String key) throws StoreException {
        clock.begin();
        try {
            store.delete(key);
        } finally {
            clock.end(Phase.S3_DELETE);
        }
    }
}
