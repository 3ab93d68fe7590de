package dev.restow.media;

import dev.restow.config.MediaConfig;
import dev.restow.db.Sql;
import dev.restow.image.Conversion;
import dev.restow.image.ImageCodec;
import dev.restow.media.internal.SourceTables;
import dev.restow.media.internal.TargetKeys;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import dev.restow.outcome.Status;
import dev.restow.reference.ObjectRef;
import dev.restow.reference.ReferenceException;
import dev.restow.reference.ReferenceParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the image of one {@link ImageTask} and re-points its row, so that nothing the database references is
 * ever lost:
 * <ol>
 * <li>parse the reference (foreign bucket or bad URL: rejected, never fetched);</li>
 * <li>leave alone a value the ledger already settled, or a row no longer holding the value;</li>
 * <li>HEAD the original (missing: rejected:not-found; over the size limit: rejected:too-large);</li>
 * <li>choose the target key (extension replaced or {@code .webp} appended; when the target holds an object made
 *     from a different source, by its metadata, fall back to the appended form); a WebP this source already made
 *     (same source key and ETag) is reused;</li>
 * <li>GET (only the version HEAD saw), convert;</li>
 * <li>PUT as {@code image/webp} with the original's Cache-Control, Content-Disposition, Content-Language, metadata,
 *     tags, encryption, storage class and (configurable) ACL, plus the source key and ETag in its metadata, only if
 *     the target is still absent (or still the stale copy seen);</li>
 * <li>HEAD the upload and check it;</li>
 * <li>in one transaction: {@code UPDATE t SET col = new WHERE key = id AND col = old} and the ledger entry (a row
 *     changed meanwhile is never overwritten: skipped:row-changed);</li>
 * <li>optionally delete the original, only after the commit and only if no configured column still refers to
 *     it.</li>
 * </ol>
 * Redelivered and duplicated tasks are harmless: conditional writes, the conditional update and the ledger's unique
 * key leave one WebP, one row update and one ledger entry. {@link #process} never throws: transient trouble comes
 * back as {@code failed:<reason>}. Thread-safe; one instance per container.
 */
public final class ImageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ImageProcessor.class);
    private static final String WEBP = "image/webp";
    private static final int PUT_ROUNDS = 3;

    private final MediaConfig config;
    private final ObjectStore store;
    private final ImageCodec codec;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final ReferenceParser parser;
    private final SourceTables tables;

    public ImageProcessor(MediaConfig config, ObjectStore store, ImageCodec codec, DataSource dataSource,
                          Ledger ledger) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.parser = new ReferenceParser(config.storage());
        this.tables = new SourceTables(config.dbStatementTimeout());
    }

    /** Processes one task; never throws. */
    public ImageResult process(ImageTask task) {
        Work w = new Work(task);
        try {
            return run(w);
        } catch (SQLException e) {
            String reason = Sql.isTransient(e) ? Reasons.DATABASE_UNAVAILABLE : "database-error";
            LOG.warn("{} {}#{}.{}: database trouble: {}", task.runId(), task.source(), task.id(), task.column(),
                    e.getMessage());
            return w.result(Outcome.failed(reason), e.getMessage());
        } catch (StoreException e) {
            return settleQuietly(w, storeFailure(e), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {}#{}.{}: unexpected error", task.runId(), task.source(), task.id(), task.column(), e);
            return w.result(Outcome.failed(Reasons.INTERNAL), e.toString());
        }
    }

    /** Mutable facts gathered while one task is worked on. */
    private static final class Work {
        final ImageTask task;
        String sourceKey = "";
        String targetKey = "";
        String newValue = "";
        String format = "";
        long bytesIn;
        long bytesOut;
        long decodeNanos;
        long encodeNanos;
        boolean deleted;

        Work(ImageTask task) {
            this.task = task;
        }

        ImageResult result(Outcome outcome, String detail) {
            return new ImageResult(task, outcome, sourceKey, targetKey, outcome.is(Status.CONVERTED) ? newValue : "",
                    format, bytesIn, bytesOut, deleted, detail, decodeNanos / 1_000_000, encodeNanos / 1_000_000);
        }
    }

    private ImageResult run(Work w) throws SQLException, StoreException {
        ImageTask task = w.task;
        Optional<Source> found = config.source(task.source());
        if (found.isEmpty() || !found.get().hasColumn(task.column())) {
            // names in a message are never used in SQL unless configured; nothing to record either
            return w.result(Outcome.rejected("unknown-source"), "no configured source " + task.source() + " with column "
                    + task.column());
        }
        Source source = found.get();
        ObjectRef ref;
        try {
            Optional<ObjectRef> parsed = parser.parse(task.value());
            if (parsed.isEmpty()) {
                return settle(w, Outcome.skipped(Reasons.NO_URL), "");
            }
            ref = parsed.get();
        } catch (ReferenceException e) {
            return settle(w, e.outcome(), e.getMessage());
        }
        w.sourceKey = ref.key();
        if (TargetKeys.looksLikeWebp(ref.key())) {
            return settle(w, Outcome.skipped(Reasons.ALREADY_WEBP), "");
        }
        ledger.createIfAbsent();
        Optional<LedgerEntry> prior = ledger.find(task.source(), task.id(), task.column(), task.value());
        if (prior.isPresent() && prior.get().outcome().isFinal()) {
            return w.result(Outcome.skipped(Reasons.ALREADY_DONE), "ledger holds " + prior.get().outcome());
        }
        try (Connection c = dataSource.getConnection()) {
            SourceTables.Current current = tables.current(c, source, source.column(task.column()), task.id());
            if (!current.exists() || !task.value().equals(current.value())) {
                return settle(w, Outcome.skipped(Reasons.ROW_CHANGED), "row holds " + (current.exists()
                        ? "'" + current.value() + "'" : "no selected row"));
            }
        }

        ObjectInfo original;
        try {
            original = store.head(ref.key());
        } catch (StoreException e) {
            return settle(w, storeFailure(e), e.getMessage());
        }
        w.bytesIn = original.size();
        if (original.size() > config.maxInputBytes()) {
            return settle(w, Outcome.rejected(Reasons.TOO_LARGE), original.size() + " bytes is over the limit of "
                    + config.maxInputBytes());
        }

        Target target = chooseTarget(ref.key(), original);
        if (target == null) {
            return settle(w, Outcome.skipped("target-exists"), "both " + TargetKeys.replaced(ref.key()) + " and "
                    + TargetKeys.appended(ref.key()) + " hold objects made from other sources");
        }
        long webpSize;
        if (target.reuse != null) {
            webpSize = target.reuse.size();
        } else {
            byte[] bytes;
            try {
                bytes = store.get(ref.key(), original.eTag());
            } catch (StoreException e) {
                Outcome o = e.isPreconditionFailed() ? Outcome.failed("source-changed") : storeFailure(e);
                return settle(w, o, e.getMessage());
            }
            w.bytesIn = bytes.length;
            Conversion conversion = convert(bytes);
            w.format = conversion.format();
            w.bytesOut = conversion.outputBytes();
            w.decodeNanos = conversion.decodeNanos();
            w.encodeNanos = conversion.encodeNanos();
            if (!conversion.outcome().is(Status.CONVERTED) || conversion.webp().isEmpty()) {
                return settle(w, conversion.outcome(), conversion.toString());
            }
            byte[] webp = conversion.webp().get();
            ObjectHeaders headers = headersFor(ref.key(), original);
            target = put(ref.key(), original, target, webp, headers);
            if (target == null) {
                return settle(w, Outcome.skipped("target-exists"), "target keys taken by other sources meanwhile");
            }
            webpSize = target.reuse != null ? target.reuse.size() : webp.length;
        }
        w.targetKey = target.key;
        w.bytesOut = webpSize;

        ObjectInfo uploaded;
        try {
            uploaded = store.head(target.key);
        } catch (StoreException e) {
            Outcome o = e.isNotFound() ? Outcome.failed("verify-failed") : storeFailure(e);
            return settle(w, o, "HEAD of the upload: " + e.getMessage());
        }
        if (!madeFrom(uploaded, ref.key(), original.eTag()) || uploaded.size() != webpSize) {
            return settle(w, Outcome.failed("verify-failed"), "upload " + target.key + " holds " + uploaded.size()
                    + " bytes from '" + uploaded.metadata(TargetKeys.SOURCE_KEY) + "'");
        }

        w.newValue = ref.withKey(target.key);
        Outcome outcome = commit(w, source);
        if (outcome.is(Status.CONVERTED) && config.deleteOriginals()) {
            deleteOriginal(w, ref);
        }
        return w.result(outcome, "");
    }

    /** The row update and its ledger entry in one transaction. */
    private Outcome commit(Work w, Source source) throws SQLException {
        ImageTask task = w.task;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Outcome outcome;
                int updated = tables.updateIfUnchanged(c, source, source.column(task.column()), task.id(),
                        task.value(), w.newValue);
                if (updated == 1) {
                    outcome = Outcome.converted();
                    ledger.record(c, entry(w, outcome, w.newValue));
                } else {
                    SourceTables.Current now = tables.current(c, source, source.column(task.column()), task.id());
                    if (now.exists() && w.newValue.equals(now.value())) {
                        outcome = Outcome.skipped(Reasons.ALREADY_DONE); // a duplicate got there first
                    } else {
                        outcome = Outcome.skipped(Reasons.ROW_CHANGED);
                        ledger.record(c, entry(w, outcome, ""));
                    }
                }
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // the pool resets or evicts the connection
                }
            }
        }
    }

    private void deleteOriginal(Work w, ObjectRef ref) {
        try {
            boolean referenced;
            try (Connection c = dataSource.getConnection()) {
                referenced = tables.isReferenced(c, config.sources(), ref.key(), List.of(w.task.value()));
            }
            if (referenced) {
                LOG.info("{} {}: original {} kept: still referenced", w.task.runId(), w.task.id(), ref.key());
                return;
            }
            store.delete(ref.key());
            w.deleted = true;
        } catch (SQLException | StoreException e) {
            LOG.warn("{} {}: original {} kept: {}", w.task.runId(), w.task.id(), ref.key(), e.getMessage());
        }
    }

    /** Where the WebP goes; {@code reuse} set when this source's WebP is already there. */
    private record Target(String key, WriteCondition condition, ObjectInfo reuse) {
    }

    /** @return the target, or null when every candidate key holds an object made from another source */
    private Target chooseTarget(String sourceKey, ObjectInfo original) throws StoreException {
        String primary = TargetKeys.target(sourceKey, config.targetKeyMode());
        String fallback = TargetKeys.appended(sourceKey);
        for (String candidate : primary.equals(fallback) ? List.of(primary) : List.of(primary, fallback)) {
            ObjectInfo existing;
            try {
                existing = store.head(candidate);
            } catch (StoreException e) {
                if (e.isNotFound()) {
                    return new Target(candidate, WriteCondition.ifAbsent(), null);
                }
                throw e;
            }
            if (TargetKeys.encode(sourceKey).equals(existing.metadata(TargetKeys.SOURCE_KEY))) {
                if (original.eTag().equals(existing.metadata(TargetKeys.SOURCE_ETAG))) {
                    return new Target(candidate, WriteCondition.none(), existing);
                }
                // made from an older version of the same source: replace it, unless someone else does first
                return new Target(candidate, WriteCondition.ifMatch(existing.eTag()), null);
            }
        }
        return null;
    }

    private Target put(String sourceKey, ObjectInfo original, Target target, byte[] webp, ObjectHeaders headers)
            throws StoreException {
        Target t = target;
        for (int round = 1; ; round++) {
            try {
                store.put(t.key, webp, headers, t.condition);
                return t;
            } catch (StoreException e) {
                if (!e.isPreconditionFailed() || round >= PUT_ROUNDS) {
                    throw e;
                }
            }
            // someone wrote the target meanwhile (a duplicate of this task, or another source): look again
            t = chooseTarget(sourceKey, original);
            if (t == null || t.reuse != null) {
                return t;
            }
        }
    }

    private ObjectHeaders headersFor(String sourceKey, ObjectInfo original) throws StoreException {
        ObjectHeaders h = original.headers();
        Map<String, String> metadata = new LinkedHashMap<>(h.metadata());
        metadata.put(TargetKeys.SOURCE_KEY, TargetKeys.encode(sourceKey));
        metadata.put(TargetKeys.SOURCE_ETAG, original.eTag());
        Map<String, String> tags = original.tagCount() == 0 ? Map.of() : store.tags(sourceKey);
        ObjectAcl acl = config.copyAcl() ? store.acl(sourceKey) : ObjectAcl.ownerOnly();
        return h.withContentType(WEBP).withMetadata(metadata).withTags(tags).withAcl(acl);
    }

    private static boolean madeFrom(ObjectInfo object, String sourceKey, String eTag) {
        return TargetKeys.encode(sourceKey).equals(object.metadata(TargetKeys.SOURCE_KEY))
                && eTag.equals(object.metadata(TargetKeys.SOURCE_ETAG));
    }

    private Conversion convert(byte[] bytes) {
        return codec.convert(bytes);
    }

    /**
     * Records a non-converted outcome in the ledger (a final entry is never replaced) and returns the result. A
     * {@code failed} outcome stays what it is when the ledger cannot be written.
     */
    private ImageResult settle(Work w, Outcome outcome, String detail) throws SQLException {
        if (outcome.isRetryable()) {
            return settleQuietly(w, outcome, detail);
        }
        ledger.record(entry(w, outcome, ""));
        return w.result(outcome, detail);
    }

    private ImageResult settleQuietly(Work w, Outcome outcome, String detail) {
        try {
            ledger.record(entry(w, outcome, ""));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} {}#{}.{}: ledger not written for {}: {}", w.task.runId(), w.task.source(), w.task.id(),
                    w.task.column(), outcome, e.getMessage());
        }
        return w.result(outcome, detail);
    }

    private static LedgerEntry entry(Work w, Outcome outcome, String newValue) {
        return new LedgerEntry(w.task.source(), w.task.id(), w.task.column(), w.task.value(), newValue, outcome,
                w.bytesIn, w.bytesOut, w.task.runId(), null);
    }

    private static Outcome storeFailure(StoreException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> Outcome.rejected(Reasons.NOT_FOUND);
            case TRANSIENT -> Outcome.failed(Reasons.STORAGE_UNAVAILABLE);
            case PRECONDITION_FAILED -> Outcome.failed("source-changed");
            case PERMANENT -> Outcome.failed("storage-error");
        };
    }
}
