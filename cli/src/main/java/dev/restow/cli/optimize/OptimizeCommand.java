package dev.restow.cli.optimize;

import com.zaxxer.hikari.HikariDataSource;
import dev.restow.aws.wiring.Wiring;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.cli.CommandIo;
import dev.restow.cli.ExitCodes;
import dev.restow.cli.media.InProcessQueue;
import dev.restow.cli.media.MediaTally;
import dev.restow.cli.progress.Progress;
import dev.restow.cli.report.TextReport;
import dev.restow.config.MediaConfig;
import dev.restow.image.ImageCodec;
import dev.restow.media.FanOutRequest;
import dev.restow.media.FanOutResult;
import dev.restow.media.FanOutService;
import dev.restow.media.ImageProcessor;
import dev.restow.media.ImageTask;
import dev.restow.media.Lease;
import dev.restow.media.Ledger;
import dev.restow.media.Source;
import dev.restow.media.SourceCounts;
import dev.restow.media.WorkQueue;
import dev.restow.outcome.Status;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code restow optimize}: the media job run once from a workstation against real infrastructure: the fan-out's walk
 * (same query, same ledger and lease), then each image converted in-process by the per-image Lambda's processor.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the media optimisation once against the configured database and bucket.",
        description = {"Runs the media optimisation once from this machine against the database and bucket configured "
                + "by the same environment variables as the Lambda functions (DATABASE_URL, AWS_STORAGE_BUCKET_NAME, "
                + "AWS_S3_ENDPOINT_URL, WEBP_QUALITY, RESTOW_SOURCES...: docs/cli.md): the fan-out's walk over the "
                + "sources, then each image converted in-process exactly as the per-image Lambda does (WebP uploaded, "
                + "row re-pointed, ledger written). No queue is used.",
                "Exit code 0 when no image ended failed."})
public final class OptimizeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dry-run", description = "Only count and show samples of what would be converted; change nothing.")
    private boolean dryRun;

    @Option(names = "--sources", paramLabel = "TABLE", split = ",",
            description = "Only these sources (table names, comma-separated; default: every configured source).")
    private List<String> sources;

    @Option(names = "--limit", paramLabel = "N", description = "Convert at most N images (default: no limit).")
    private Long limit;

    @Option(names = "--workers", paramLabel = "N",
            description = "Images converted at once (default: the number of processors).")
    private Integer workers;

    private final CommandIo io;

    public OptimizeCommand(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        long max = limit == null ? 0 : limit;
        if (limit != null && limit <= 0) {
            throw usage("--limit must be greater than 0, got " + limit);
        }
        int threads = workers == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        if (threads < 1 || threads > 64) {
            throw usage("--workers must be in 1..64, got " + threads);
        }
        MediaConfig config = MediaConfig.load(io.env());
        List<String> selected = sources == null ? List.of() : sources.stream().map(String::trim).toList();
        for (String name : selected) {
            if (config.source(name).isEmpty()) {
                throw usage("--sources: unknown source '" + name + "' (configured: "
                        + config.sources().stream().map(Source::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        FanOutRequest request = new FanOutRequest(selected, dryRun, max);
        try (HikariDataSource ds = Wiring.dataSource(config, io.env(), "restow-optimize");
             S3Client s3 = Wiring.s3(config, io.env())) {
            Ledger ledger = new Ledger(ds, config.ledgerTable(), config.dbStatementTimeout());
            Lease lease = new Lease(ds, config.leaseTable(), config.dbStatementTimeout());
            if (dryRun) {
                FanOutService fanOut = new FanOutService(config, ds, ledger, lease, NO_QUEUE, null);
                return printDryRun(fanOut.start(request, () -> Long.MAX_VALUE));
            }
            ImageProcessor processor = new ImageProcessor(config,
                    new S3ObjectStore(s3, config.storage().bucket()), new ImageCodec(config.codec()), ds, ledger);
            return run(config, request, ds, ledger, lease, processor, threads);
        }
    }

    private int run(MediaConfig config, FanOutRequest request, HikariDataSource ds, Ledger ledger, Lease lease,
                    ImageProcessor processor, int threads) throws Exception {
        MediaTally tally = new MediaTally();
        (request.sources().isEmpty() ? config.sources().stream().map(Source::name).toList() : request.sources())
                .forEach(tally::source);
        AtomicLong sent = new AtomicLong();
        FanOutResult walk;
        io.err().println("optimize: walking " + (request.sources().isEmpty()
                ? config.sources().stream().map(Source::name).collect(Collectors.joining(", "))
                : String.join(", ", request.sources())) + " in " + config.storage().bucket() + " with " + threads
                + " workers");
        try (Progress progress = Progress.start(io, "images", 0, "images");
             InProcessQueue queue = new InProcessQueue(processor, threads, r -> {
                 tally.image(r.task().source(), r.outcome(), r.bytesIn(), r.bytesOut());
                 progress.step(1);
             })) {
            WorkQueue counting = bodies -> {
                progress.total(sent.addAndGet(bodies.size()));
                return queue.sendBatch(bodies);
            };
            FanOutService fanOut = new FanOutService(config, ds, ledger, lease, counting, null);
            walk = fanOut.start(request, () -> Long.MAX_VALUE);
            queue.drain();
        }
        if (walk.state() == FanOutResult.State.LEASE_HELD) {
            io.err().println("optimize: another walk (" + walk.leaseHolder() + ") holds the fan-out lease in "
                    + config.leaseTable() + "; nothing was done. Try again when it has finished.");
            return ExitCodes.INCOMPLETE;
        }
        walk.counts().forEach(tally::fanOut);
        io.out().print(TextReport.mediaTable(tally.totals(), true));
        int failed = tally.count(Status.FAILED);
        if (failed > 0) {
            io.err().println("optimize: " + failed + " image(s) failed (transient trouble); run again to retry them");
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private int printDryRun(FanOutResult r) {
        PrintStream out = io.out();
        out.println("Dry run: nothing was changed.");
        out.println(String.format(Locale.ROOT, "  %-20s %8s %8s %12s %12s %14s", "source", "rows", "no-url",
                "already-webp", "done-before", "would-convert"));
        for (Map.Entry<String, SourceCounts> e : r.counts().entrySet()) {
            SourceCounts c = e.getValue();
            out.println(String.format(Locale.ROOT, "  %-20s %8d %8d %12d %12d %14d", e.getKey(), c.seen(), c.noUrl(),
                    c.alreadyWebp(), c.doneBefore(), c.enqueued()));
        }
        if (!r.samples().isEmpty()) {
            out.println("First images that would be converted:");
            for (ImageTask t : r.samples()) {
                out.println("  " + t.source() + " #" + t.id() + " " + t.column() + ": " + t.value());
            }
        }
        return ExitCodes.OK;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A dry run sends nothing; a send would be a bug. */
    private static final WorkQueue NO_QUEUE = bodies -> {
        throw new IllegalStateException("a dry run sends no message");
    };
}
