package dev.restow.ecal.migration;

import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.EcalLocations;
import dev.restow.ecal.EcalReasons;
import dev.restow.ecal.EcalUrl;
import dev.restow.ecal.EcalUrlException;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.blob.BlobPage;
import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.blob.BlobStoreException;
import dev.restow.ecal.blob.CopyState;
import dev.restow.ecal.blob.ReadGrant;
import dev.restow.ecal.db.EcalRepository;
import dev.restow.ecal.db.EcalRow;
import dev.restow.ecal.db.JdbcRecordFinder;
import dev.restow.ecal.db.MigrationLedger;
import dev.restow.ecal.selection.PlanToken;
import dev.restow.ecal.selection.RecordSummary;
import dev.restow.ecal.selection.Selection;
import dev.restow.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies of the migration's activities, cloud-neutral: storage through {@link BlobStore},
 * the database through JDBC. Every step is safe to run twice (a retried or replayed activity finds
 * its own earlier work and builds on it). Permanent per-blob problems come back as data; transient
 * ones ({@link BlobStoreException.Kind#TRANSIENT}, transient SQL errors) are thrown, for the
 * orchestration's retry policy.
 */
public final class MigrationSteps implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationSteps.class);

    private final EcalLocations locations;
    private final Function<String, BlobStore> sourceStores;
    private final BlobStore cold;
    private final DataSource dataSource;
    private final MigrationLedger ledger;
    private final Duration statementTimeout;
    private final ExecutorService pool;

    /**
     * @param locations        source and cold locations
     * @param sourceStores     the source store of a container
     * @param cold             the cold container
     * @param dataSource       the database
     * @param ledger           the ledger
     * @param statementTimeout per SQL statement
     * @param parallelism      storage calls at once within one step
     */
    public MigrationSteps(EcalLocations locations, Function<String, BlobStore> sourceStores, BlobStore cold,
                          DataSource dataSource, MigrationLedger ledger, Duration statementTimeout, int parallelism) {
        this.locations = Objects.requireNonNull(locations, "locations");
        this.sourceStores = Objects.requireNonNull(sourceStores, "sourceStores");
        this.cold = Objects.requireNonNull(cold, "cold");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "ecal-steps");
            t.setDaemon(true);
            return t;
        });
    }

    public EcalLocations locations() {
        return locations;
    }

    // ------------------------------------------------------------------------------------------------ planning

    /**
     * Finds the selected records and groups them into directories to move; rejects what cannot be
     * moved (bad URL, foreign account or container, shared directory, unknown id) and fails every
     * record when the plan token no longer matches the records.
     */
    public MigrationPlan plan(PlanRequest request) {
        String instanceId = request.instanceId();
        MigrationInput input = request.input();
        Selection selection = input.selection();
        EcalRepository repo = repository(input.ecalTable());
        List<EcalRow> rows = repo.find(selection);
        List<RecordOutcome> settled = new ArrayList<>();
        int total = rows.size();
        if (selection instanceof Selection.ByIds ids) {
            Set<String> found = new LinkedHashSet<>();
            rows.forEach(r -> found.add(r.ecalId()));
            for (String id : new LinkedHashSet<>(ids.ids())) {
                if (!found.contains(id)) {
                    settled.add(RecordOutcome.of(id, Outcome.rejected(EcalReasons.NOT_FOUND),
                            "no row of " + input.ecalTable() + " has ecal_id '" + id + "'"));
                    total++;
                }
            }
        }
        if (!input.planToken().isEmpty()) {
            List<RecordSummary> summaries = rows.stream().map(r -> JdbcRecordFinder.summary(r, locations)).toList();
            if (!PlanToken.of(selection, summaries).matches(input.planToken())) {
                LOG.warn("instanceId={} plan {} no longer matches the records of {}: nothing is migrated",
                        instanceId, input.planToken(), selection.describe());
                for (EcalRow r : rows) {
                    settled.add(RecordOutcome.of(r.ecalId(), Outcome.failed(EcalReasons.PLAN_CHANGED),
                            "the records of " + selection.describe() + " changed since the preview of plan "
                                    + input.planToken() + "; preview again"));
                }
                return new MigrationPlan(total, List.of(), settled);
            }
        }

        Map<String, List<Resolved>> byDirectory = new LinkedHashMap<>();
        for (EcalRow row : rows) {
            Resolved r;
            try {
                r = resolve(row);
            } catch (EcalUrlException e) {
                settled.add(RecordOutcome.of(row.ecalId(), e.outcome(), e.getMessage()));
                continue;
            }
            byDirectory.computeIfAbsent(r.url.sourceContainer() + "/" + r.url.directory(), k -> new ArrayList<>())
                    .add(r);
        }

        List<String> prefixes = byDirectory.values().stream().map(l -> l.get(0).directoryUrl).toList();
        Map<String, List<EcalRow>> others = new HashMap<>();
        for (EcalRow other : repo.rowsUnder(prefixes)) {
            for (List<Resolved> unit : byDirectory.values()) {
                String dirUrl = unit.get(0).directoryUrl;
                if (other.ecalName() != null && other.ecalName().startsWith(dirUrl)
                        && unit.stream().noneMatch(u -> u.row.ecalId().equals(other.ecalId()))) {
                    others.computeIfAbsent(dirUrl, k -> new ArrayList<>()).add(other);
                }
            }
        }

        List<UnitPlan> units = new ArrayList<>();
        for (List<Resolved> unit : byDirectory.values()) {
            Resolved first = unit.get(0);
            List<EcalRow> strangers = others.getOrDefault(first.directoryUrl, List.of());
            if (!strangers.isEmpty()) {
                for (Resolved r : unit) {
                    settled.add(RecordOutcome.of(r.row.ecalId(), Outcome.rejected(EcalReasons.SHARED_DIRECTORY),
                            "directory " + first.directoryUrl + " also holds the file of record "
                                    + strangers.get(0).ecalId() + ", which is not selected"));
                }
                continue;
            }
            units.add(new UnitPlan(units.size(), first.url.sourceContainer(), first.url.directory(),
                    unit.stream().map(r -> r.url.fileName()).toList(),
                    unit.stream().map(r -> new RecordRef(r.row.ecalId(), r.url.sourceUrl(), r.url.coldUrl(),
                            r.url.atCold())).toList()));
        }
        LOG.info("instanceId={} planned {}: {} records, {} directories to move, {} settled", instanceId,
                selection.describe(), total, units.size(), settled.size());
        return new MigrationPlan(total, units, settled);
    }

    private record Resolved(EcalRow row, EcalUrl url, String directoryUrl) {
    }

    private Resolved resolve(EcalRow row) {
        EcalUrl url = locations.resolve(row.ecalName());
        if (url.atCold() && url.sourceContainer().isEmpty()) {
            // no configured source container: the ledger remembers where the record came from
            Optional<String> old = ledger.lastCommittedOldUrl(row.ecalId());
            if (old.isEmpty()) {
                throw new EcalUrlException(EcalReasons.UNKNOWN_SOURCE, "ecal_name '" + row.ecalName()
                        + "' already points at cold storage and no source container is configured or in the ledger");
            }
            EcalUrl source = locations.resolve(old.get());
            url = new EcalUrl(url.url(), source.sourceUrl(), url.coldUrl(), source.sourceContainer(),
                    url.directory(), url.blobName(), url.recordingDate(), true);
        }
        return new Resolved(row, url, url.sourceDirectoryUrl());
    }

    // ------------------------------------------------------------------------------------------------ listing

    /** One page of a source directory. */
    public ListPage list(ListRequest request) {
        BlobStore source = sourceStores.apply(request.container());
        BlobPage page = source.list(request.directory(), request.continuation(), request.pageSize());
        List<BlobEntry> blobs = new ArrayList<>(page.items().size());
        for (BlobPage.BlobItem item : page.items()) {
            if (!item.name().startsWith(request.directory())) {
                throw new IllegalStateException("listing of " + request.directory() + " returned " + item.name());
            }
            blobs.add(new BlobEntry(item.name().substring(request.directory().length()), item.length(), item.etag(),
                    item.contentMd5(), item.metadata()));
        }
        return new ListPage(blobs, page.continuation());
    }

    // ------------------------------------------------------------------------------------------------ copying

    /**
     * Starts the wave's copies, unless an earlier attempt already made a verified copy of the same
     * source version (reused) or one is still running (its id is returned). Each copy is conditioned
     * on the source still having its listed ETag ({@code x-ms-source-if-match}) and marks the copy
     * with that ETag ({@link CopyRules#SOURCE_ETAG_METADATA}), so a copy is always of the listed
     * version. The read SAS is minted once for the wave, only when a copy must start.
     */
    public CopyWaveResult startCopies(CopyWaveRequest request) {
        BlobStore source = sourceStores.apply(request.container());
        Instant expiresAt = Instant.parse(request.sasExpiresAt());
        ReadGrant[] grant = new ReadGrant[1];
        List<CopyTicket> tickets = forEach(request.blobs(), blob -> {
            String name = request.directory() + blob.path();
            Optional<BlobProperties> dest = cold.properties(name);
            if (dest.isPresent() && CopyRules.reusable(blob, dest.get())) {
                return new CopyTicket(blob.path(), dest.get().copy().copyId(), CopyTicket.SUCCESS, "",
                        "verified copy of an earlier run", true);
            }
            if (dest.isPresent() && CopyRules.pendingCopyOf(blob, dest.get())) {
                return new CopyTicket(blob.path(), dest.get().copy().copyId(), CopyTicket.PENDING, "",
                        "copy of an earlier attempt still running", true);
            }
            Map<String, String> metadata = new LinkedHashMap<>(blob.metadata());
            metadata.put(CopyRules.SOURCE_ETAG_METADATA, CopyRules.bareEtag(blob.etag()));
            ReadGrant g;
            synchronized (grant) {
                if (grant[0] == null) {
                    grant[0] = source.grantRead(expiresAt);
                }
                g = grant[0];
            }
            try {
                CopyState started = cold.startCopy(name, g.url(name), request.tier(), metadata, blob.etag());
                LOG.debug("blob={} copy {} started: {}", name, started.copyId(), started.status().word());
                return switch (started.status()) {
                    case SUCCESS -> new CopyTicket(blob.path(), started.copyId(), CopyTicket.SUCCESS, "", "", false);
                    case PENDING -> new CopyTicket(blob.path(), started.copyId(), CopyTicket.PENDING, "", "", false);
                    case FAILED, ABORTED -> CopyTicket.failed(blob.path(), started.copyId(), EcalReasons.COPY_FAILED,
                            "the copy " + started.status().word() + " at once"
                                    + (started.description().isEmpty() ? "" : ": " + started.description()));
                };
            } catch (BlobStoreException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                return switch (e.kind()) {
                    case PRECONDITION_FAILED -> CopyTicket.failed(blob.path(), "", EcalReasons.SOURCE_CHANGED,
                            "the source blob changed since it was listed (its ETag is no longer " + blob.etag() + ")");
                    case NOT_FOUND -> CopyTicket.failed(blob.path(), "", EcalReasons.SOURCE_CHANGED,
                            "the source blob is gone since it was listed (" + e.getMessage() + ")");
                    default -> CopyTicket.failed(blob.path(), "", EcalReasons.COPY_REJECTED, e.getMessage());
                };
            }
        });
        return new CopyWaveResult(tickets);
    }

    /** The current status of started copies. */
    public CopyWaveResult copyStatus(CopyCheckRequest request) {
        return new CopyWaveResult(forEach(request.tickets(), t -> {
            Optional<BlobProperties> dest = cold.properties(request.directory() + t.path());
            if (dest.isEmpty() || dest.get().lastCopy().isEmpty()) {
                return t.withStatus(CopyTicket.FAILED, EcalReasons.COPY_FAILED, "the cold copy disappeared");
            }
            CopyState c = dest.get().copy();
            if (!c.copyId().equals(t.copyId())) {
                return t.withStatus(CopyTicket.FAILED, EcalReasons.COPY_FAILED,
                        "another copy (" + c.copyId() + ") replaced copy " + t.copyId());
            }
            return switch (c.status()) {
                case PENDING -> t.withStatus(CopyTicket.PENDING, "", "");
                case SUCCESS -> t.withStatus(CopyTicket.SUCCESS, "", "");
                case FAILED -> t.withStatus(CopyTicket.FAILED, EcalReasons.COPY_FAILED, "the copy failed"
                        + (c.description().isEmpty() ? "" : ": " + c.description()));
                case ABORTED -> t.withStatus(CopyTicket.ABORTED, EcalReasons.COPY_FAILED, "the copy was aborted");
            };
        }));
    }

    /** Aborts copies past their deadline. */
    public CopyWaveResult abortCopies(CopyCheckRequest request) {
        return new CopyWaveResult(forEach(request.tickets(), t -> {
            String name = request.directory() + t.path();
            try {
                cold.abortCopy(name, t.copyId());
            } catch (BlobStoreException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                LOG.info("blob={} copy {} could not be aborted ({}): it is no longer pending", name, t.copyId(),
                        e.getMessage());
            }
            LOG.warn("blob={} copy {} aborted: past its deadline", name, t.copyId());
            return t.withStatus(CopyTicket.ABORTED, EcalReasons.COPY_TIMEOUT,
                    "the copy was still pending at its deadline and was aborted");
        }));
    }

    /**
     * Verifies finished copies and sets their tier. The source's ETag is not read again here: the copy
     * was conditioned on it and carries it, and deletion later is conditioned on it too.
     */
    public VerifyResult verify(VerifyRequest request) {
        record Checked(List<BlobFailure> failures, long bytes, boolean tierSet) {
        }
        List<Checked> checked = forEach(request.items(), item -> {
            String name = request.directory() + item.blob().path();
            Optional<BlobProperties> dest = cold.properties(name);
            List<BlobFailure> failures = CopyRules.verify(item.blob(), item.copyId(), dest);
            if (!failures.isEmpty()) {
                LOG.warn("blob={} failed verification: {}", name, failures);
                return new Checked(failures, 0, false);
            }
            boolean tierSet = false;
            if (!request.tier().isEmpty() && !request.tier().equalsIgnoreCase(dest.get().accessTier())) {
                cold.setTier(name, request.tier());
                tierSet = true;
            }
            return new Checked(List.of(), item.blob().length(), tierSet);
        });
        int verified = 0;
        long bytes = 0;
        int tiers = 0;
        List<BlobFailure> failures = new ArrayList<>();
        for (Checked c : checked) {
            if (c.failures.isEmpty()) {
                verified++;
                bytes += c.bytes;
            }
            if (c.tierSet) {
                tiers++;
            }
            failures.addAll(c.failures);
        }
        return new VerifyResult(verified, bytes, tiers, failures);
    }

    // ------------------------------------------------------------------------------------------------ commit

    /** Points the unit's rows at cold storage and writes their ledger lines, in one transaction. */
    public CommitResult commit(CommitRequest request) {
        EcalRepository repo = repository(request.ecalTable());
        List<EcalRepository.Move> moves = request.records().stream()
                .map(r -> new EcalRepository.Move(r.ecalId(), r.sourceUrl(), r.coldUrl())).toList();
        List<MigrationLedger.Entry> entries = request.records().stream()
                .map(r -> new MigrationLedger.Entry(r.ecalId(), request.instanceId(), r.sourceUrl(), r.coldUrl(),
                        request.blobs(), request.bytes())).toList();
        EcalRepository.MoveResult result = repo.move(moves, c -> ledger.recordCommitted(c, entries));
        if (result.committed()) {
            LOG.info("instanceId={} rows {} now point at cold storage", request.instanceId(),
                    request.records().stream().map(RecordRef::ecalId).toList());
        } else {
            LOG.warn("instanceId={} row update rolled back: {}", request.instanceId(), result.detail());
        }
        return new CommitResult(result.committed(), result.ecalId(), result.detail());
    }

    // ------------------------------------------------------------------------------------------------ deletion

    /** Deletes source blobs with If-Match on their listed ETag, and records each in the ledger. */
    public DeleteResult delete(DeleteRequest request) {
        BlobStore source = sourceStores.apply(request.container());
        record Done(BlobEntry blob, BlobStore.DeleteOutcome outcome, BlobStoreException error) {
        }
        List<Done> done = forEach(request.blobs(), blob -> {
            try {
                return new Done(blob, source.deleteIfMatch(request.directory() + blob.path(), blob.etag()), null);
            } catch (BlobStoreException e) {
                return new Done(blob, null, e);
            }
        });
        List<MigrationLedger.DeletedBlob> gone = new ArrayList<>();
        List<BlobFailure> failures = new ArrayList<>();
        BlobStoreException transientError = null;
        int deleted = 0;
        int already = 0;
        for (Done d : done) {
            String name = request.directory() + d.blob.path();
            if (d.error != null) {
                if (d.error.transientFailure()) {
                    transientError = d.error;
                } else {
                    failures.add(new BlobFailure(d.blob.path(), EcalReasons.DELETE_FAILED, d.error.getMessage()));
                }
            } else if (d.outcome == BlobStore.DeleteOutcome.CHANGED) {
                failures.add(new BlobFailure(d.blob.path(), EcalReasons.SOURCE_CHANGED,
                        "the source blob changed since it was listed (If-Match " + d.blob.etag() + " failed); kept"));
            } else {
                if (d.outcome == BlobStore.DeleteOutcome.DELETED) {
                    deleted++;
                } else {
                    already++;
                }
                gone.add(new MigrationLedger.DeletedBlob(name, d.blob.etag()));
            }
        }
        ledger.recordDeleted(request.instanceId(), request.ecalIds(), gone);
        LOG.info("instanceId={} directory={} deleted {} source blobs ({} already gone, {} kept)",
                request.instanceId(), request.directory(), deleted, already, failures.size());
        if (transientError != null) {
            throw transientError;
        }
        return new DeleteResult(deleted, already, failures);
    }

    /** Writes the unit's final outcomes to the ledger. */
    public String finish(FinishRequest request) {
        for (RecordOutcome o : request.outcomes()) {
            ledger.recordOutcome(new MigrationLedger.Entry(o.ecalId(), request.instanceId(), o.sourceUrl(),
                    o.coldUrl(), o.blobs(), o.bytes()), o.outcome(), o.detail(), o.sourceDeleted());
        }
        return "recorded " + request.outcomes().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private EcalRepository repository(String table) {
        return new EcalRepository(dataSource, SqlIdentifier.of(table), statementTimeout);
    }

    @FunctionalInterface
    private interface Step<T, R> {
        R apply(T t);
    }

    /** Runs {@code step} on every item in parallel; results in item order; the first exception is rethrown. */
    private <T, R> List<R> forEach(List<T> items, Step<T, R> step) {
        if (items.size() <= 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T t : items) {
                out.add(step.apply(t));
            }
            return out;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T t : items) {
            Callable<R> c = () -> step.apply(t);
            futures.add(pool.submit(c));
        }
        List<R> out = new ArrayList<>(items.size());
        RuntimeException first = null;
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (first == null) {
                    first = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }
}
