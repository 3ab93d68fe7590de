package dev.restow.media;

import dev.restow.config.MediaConfig;
import dev.restow.media.internal.SourceTables;
import dev.restow.media.internal.TargetKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the configured sources with keyset pagination (never OFFSET: each page is {@code key > last ORDER BY key
 * LIMIT n}, so memory stays at one page) and sends one {@link ImageTask} per column value still to convert.
 *
 * <p>Leaves out NULL/empty values ({@code no-url}), values already naming a {@code .webp} ({@code already-webp}) and
 * values whose ledger entry holds a final outcome ({@code done-before}). A walk holds a {@link Lease} so that a
 * second scheduled run does nothing while it goes; when the remaining time drops under the reserve it hands its
 * cursor to a fresh invocation through the control queue ({@link Continuation}). A dry run counts and samples
 * without sending and without the lease. Thread-safe; one instance per container.
 */
public final class FanOutService {
    /** The lease's name in the lease table. */
    public static final String LEASE_NAME = "media-fanout";
    private static final Logger LOG = LoggerFactory.getLogger(FanOutService.class);
    private static final int SAMPLES = 10;
    /** Batches sent at once: SQS answers in 10-30 ms, so a page of 500 values goes out in a few round trips. */
    private static final int SEND_PARALLELISM = 8;

    private final MediaConfig config;
    private final javax.sql.DataSource dataSource;
    private final Ledger ledger;
    private final Lease lease;
    private final BatchSender work;
    private final WorkQueue control;
    private final SourceTables tables;
    private final int pageSize;
    private final java.util.concurrent.ExecutorService senders;

    /**
     * @param control the queue that re-triggers the fan-out with a continuation; {@code null} when none is
     *                configured (the walk then stops when time runs low)
     */
    public FanOutService(MediaConfig config, javax.sql.DataSource dataSource, Ledger ledger, Lease lease,
                         WorkQueue work, WorkQueue control) {
        this(config, dataSource, ledger, lease, work, control, config.pageSize());
    }

    FanOutService(MediaConfig config, javax.sql.DataSource dataSource, Ledger ledger, Lease lease, WorkQueue work,
                  WorkQueue control, int pageSize) {
        this.config = Objects.requireNonNull(config, "config");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.work = BatchSender.of(Objects.requireNonNull(work, "work"));
        this.control = control;
        this.tables = new SourceTables(config.dbStatementTimeout());
        this.pageSize = pageSize;
        this.senders = java.util.concurrent.Executors.newFixedThreadPool(SEND_PARALLELISM, r -> {
            Thread t = new Thread(r, "restow-fanout-send");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a walk.
     *
     * @param remainingMillis time left in this invocation (Lambda's {@code getRemainingTimeInMillis})
     * @throws IllegalArgumentException for an unknown source name in the request
     */
    public FanOutResult start(FanOutRequest request, LongSupplier remainingMillis) throws SQLException, QueueException {
        List<Source> selected = request.sources().isEmpty() ? config.sources()
                : Sources.select(config.sources(), request.sources());
        String runId = UUID.randomUUID().toString();
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        selected.forEach(s -> counts.put(s.name(), SourceCounts.ZERO));
        Continuation at = new Continuation(runId, selected.stream().map(Source::name).toList(), request.dryRun(),
                request.limit(), 0, null, counts);
        return walk(at, remainingMillis);
    }

    /** Resumes a walk handed on by a previous invocation. */
    public FanOutResult resume(Continuation continuation, LongSupplier remainingMillis)
            throws SQLException, QueueException {
        return walk(continuation, remainingMillis);
    }

    private FanOutResult walk(Continuation at, LongSupplier remainingMillis) throws SQLException, QueueException {
        List<Source> sources = Sources.select(config.sources(), at.sources());
        String runId = at.runId();
        boolean dryRun = at.dryRun();
        Map<String, SourceCounts> counts = new LinkedHashMap<>(at.counts());
        sources.forEach(s -> counts.putIfAbsent(s.name(), SourceCounts.ZERO));
        if (!dryRun && !lease.acquire(LEASE_NAME, runId, config.leaseTtl())) {
            String holder = lease.current(LEASE_NAME).map(Lease.Holder::holder).orElse("");
            LOG.info("fan-out {}: another walk ({}) holds the lease; nothing to do", runId, holder);
            return new FanOutResult(runId, FanOutResult.State.LEASE_HELD, false, counts, List.of(), 0, 0, holder, null);
        }
        if (!dryRun) {
            ledger.createIfAbsent(); // a dry run changes nothing, not even the schema
        }
        long enqueuedSoFar = counts.values().stream().mapToLong(SourceCounts::enqueued).sum();
        long reserveMillis = config.fanOutReserve().toMillis();
        long renewEveryNanos = config.leaseTtl().toNanos() / 3;
        long renewedAt = System.nanoTime();
        List<ImageTask> samples = new ArrayList<>();
        int pages = 0;
        int maxPageRows = 0;
        boolean handedOn = false;
        try {
            for (int si = at.sourceIndex(); si < sources.size(); si++) {
                Source source = sources.get(si);
                String after = si == at.sourceIndex() ? at.after() : null;
                while (true) {
                    if (pages > 0 && remainingMillis.getAsLong() < reserveMillis) {
                        Continuation next = new Continuation(runId, at.sources(), dryRun, at.limit(), si, after, counts);
                        FanOutResult r = handOn(next, counts, samples, pages, maxPageRows);
                        handedOn = r.state() == FanOutResult.State.CONTINUED;
                        return r;
                    }
                    List<SourceTables.Row> rows;
                    try (Connection c = dataSource.getConnection()) {
                        rows = tables.page(c, source, after, pageSize);
                    }
                    pages++;
                    maxPageRows = Math.max(maxPageRows, rows.size());
                    if (rows.isEmpty()) {
                        break;
                    }
                    long budget = at.limit() == 0 ? Long.MAX_VALUE : at.limit() - enqueuedSoFar;
                    PageOutcome page = classify(source, rows, runId, budget);
                    if (!dryRun) {
                        work.sendAll(page.tasks.stream().map(ImageTask::toJson).toList(), senders);
                    } else {
                        for (ImageTask t : page.tasks) {
                            if (samples.size() < SAMPLES) {
                                samples.add(t);
                            }
                        }
                    }
                    enqueuedSoFar += page.tasks.size();
                    counts.merge(source.name(), page.counts, SourceCounts::plus);
                    after = page.lastId;
                    if (page.limitReached) {
                        LOG.info("fan-out {}: limit of {} messages reached", runId, at.limit());
                        return new FanOutResult(runId, FanOutResult.State.DONE, dryRun, counts, samples, pages,
                                maxPageRows, "", null);
                    }
                    if (rows.size() < pageSize) {
                        break;
                    }
                    if (!dryRun && System.nanoTime() - renewedAt > renewEveryNanos) {
                        if (!lease.acquire(LEASE_NAME, runId, config.leaseTtl())) {
                            LOG.warn("fan-out {}: lost the lease; stopping", runId);
                            return new FanOutResult(runId, FanOutResult.State.LEASE_HELD, false, counts, samples,
                                    pages, maxPageRows, lease.current(LEASE_NAME).map(Lease.Holder::holder)
                                    .orElse(""), null);
                        }
                        renewedAt = System.nanoTime();
                    }
                }
            }
            return new FanOutResult(runId, FanOutResult.State.DONE, dryRun, counts, samples, pages, maxPageRows, "",
                    null);
        } finally {
            // done, stopped or failed: free the lease for the next run (a no-op when another run holds it);
            // handed on: the continuation keeps it
            if (!dryRun && !handedOn) {
                releaseQuietly(runId);
            }
        }
    }

    private void releaseQuietly(String runId) {
        try {
            lease.release(LEASE_NAME, runId);
        } catch (SQLException e) {
            LOG.warn("fan-out {}: lease not released (it expires on its own): {}", runId, e.getMessage());
        }
    }

    private FanOutResult handOn(Continuation next, Map<String, SourceCounts> counts, List<ImageTask> samples,
                                int pages, int maxPageRows) throws QueueException, SQLException {
        if (control == null) {
            LOG.warn("fan-out {}: time is running out and no control queue is configured: stopping at source {} "
                    + "after key {}", next.runId(), next.sources().get(next.sourceIndex()), next.after());
            return new FanOutResult(next.runId(), FanOutResult.State.STOPPED, next.dryRun(), counts, samples, pages,
                    maxPageRows, "", next);
        }
        BatchSender.of(control).sendAll(List.of(next.toJson())); // on failure the walk's finally frees the lease
        LOG.info("fan-out {}: handed on at source {} after key {}", next.runId(),
                next.sources().get(next.sourceIndex()), next.after());
        return new FanOutResult(next.runId(), FanOutResult.State.CONTINUED, next.dryRun(), counts, samples, pages,
                maxPageRows, "", next);
    }

    private record PageOutcome(List<ImageTask> tasks, SourceCounts counts, String lastId, boolean limitReached) {
    }

    private PageOutcome classify(Source source, List<SourceTables.Row> rows, String runId, long budget)
            throws SQLException {
        List<UUID> candidates = new ArrayList<>();
        for (SourceTables.Row row : rows) {
            for (int i = 0; i < source.columns().size(); i++) {
                String v = row.values().get(i);
                if (v != null && !v.isBlank() && !TargetKeys.looksLikeWebp(v)) {
                    candidates.add(Ledger.entryId(source.name(), row.id(), source.columns().get(i).name(), v));
                }
            }
        }
        Set<UUID> done = ledger.finalEntries(candidates);
        List<ImageTask> tasks = new ArrayList<>();
        long seen = 0;
        long noUrl = 0;
        long webp = 0;
        long doneBefore = 0;
        String lastId = null;
        for (SourceTables.Row row : rows) {
            if (tasks.size() >= budget) {
                return new PageOutcome(tasks, new SourceCounts(seen, noUrl, webp, doneBefore, tasks.size()), lastId,
                        true);
            }
            seen++;
            lastId = row.id();
            for (int i = 0; i < source.columns().size() && tasks.size() < budget; i++) {
                String column = source.columns().get(i).name();
                String v = row.values().get(i);
                if (v == null || v.isBlank()) {
                    noUrl++;
                } else if (TargetKeys.looksLikeWebp(v)) {
                    webp++;
                } else if (done.contains(Ledger.entryId(source.name(), row.id(), column, v))) {
                    doneBefore++;
                } else {
                    tasks.add(ImageTask.of(source.name(), row.id(), column, v, runId));
                }
            }
        }
        boolean limitReached = tasks.size() >= budget;
        return new PageOutcome(tasks, new SourceCounts(seen, noUrl, webp, doneBefore, tasks.size()), lastId,
                limitReached);
    }
}
