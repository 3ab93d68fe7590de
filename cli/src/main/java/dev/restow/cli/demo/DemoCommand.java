package dev.restow.cli.demo;

import dev.restow.cli.CommandIo;
import dev.restow.cli.ExitCodes;
import dev.restow.cli.report.DemoReport;
import dev.restow.cli.report.EcalTotals;
import dev.restow.cli.report.HtmlReport;
import dev.restow.cli.report.Sizes;
import dev.restow.cli.report.TextReport;
import dev.restow.local.Corpus;
import dev.restow.local.LocalServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restow demo}: both jobs doing their real work on this machine, on embedded servers, through the very
 * handlers and orchestrator the clouds run; a report; everything stopped again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run both jobs on embedded servers, report, write restow-report.html.",
        description = {"Runs both jobs on this machine: starts embedded PostgreSQL, an S3-compatible server "
                + "(S3Proxy), an SQS-compatible queue (ElasticMQ) and Azurite on 127.0.0.1; loads sample data (the "
                + "three default media tables pointing at the images of ../shared/corpus when present, otherwise at "
                + "images the demo draws; ECAL recordings with nested directories across three days); runs the media "
                + "optimisation through the fan-out and per-image Lambda handlers fed from the local queue, and the "
                + "ECAL migration through the EcalMigration orchestrator under durabletask's executor; prints a "
                + "report, writes restow-report.html, and stops every server.",
                "Needs Node.js and npm for Azurite (installed into ~/.cache/restow on first use). The corpus "
                        + "directory is the system property restow.corpus (the launcher sets it).",
                "Exit code 0 only if everything expected happened."})
public final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the HTML report (default: restow-report.html in the working directory).")
    private Path report;

    private final CommandIo io;

    public DemoCommand(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Optional<Corpus> corpus = Corpus.locate();
        List<SampleImage> images = corpus.map(SampleImages::fromCorpus).orElseGet(SampleImages::generated);
        String imagesFrom = corpus.map(c -> c.dir() + " (" + c.entries().size() + " files)")
                .orElse("images drawn by the demo (" + images.size() + " files; no corpus at "
                        + Path.of(System.getProperty(Corpus.DIR_PROPERTY, Corpus.DEFAULT_DIR)).toAbsolutePath()
                        .normalize() + ")");
        io.err().println("demo: starting embedded PostgreSQL, S3 (S3Proxy), SQS (ElasticMQ) and Azurite on 127.0.0.1");
        List<String> problems = new ArrayList<>();
        MediaDemo.Result media = null;
        EcalDemo.Result ecal = null;
        List<Integer> ports = new ArrayList<>();
        try (LocalServers servers = LocalServers.start()) {
            // Ctrl-C while the demo runs: stop the servers on the way out too (close() is idempotent)
            Thread stopOnExit = new Thread(servers::close, "restow-demo-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            ports.addAll(List.of(servers.postgres().port(), servers.s3().port(), servers.sqs().port(),
                    servers.azurite().port()));
            io.err().println("demo: servers up after " + Sizes.duration(since(t0)) + ": PostgreSQL 127.0.0.1:"
                    + servers.postgres().port() + ", S3 " + servers.s3().endpoint() + ", SQS "
                    + servers.sqs().endpoint() + ", Azurite 127.0.0.1:" + servers.azurite().port());
            try {
                media = new MediaDemo(io, servers).run(images);
                problems.addAll(media.problems());
            } catch (Exception | AssertionError e) {
                LOG.warn("media half failed", e);
                problems.add("the media optimisation failed: " + e);
            }
            try {
                ecal = new EcalDemo(io, servers).run();
                problems.addAll(ecal.problems());
            } catch (Exception | AssertionError e) {
                LOG.warn("ecal half failed", e);
                problems.add("the ECAL migration failed: " + e);
            }
            io.err().println("demo: stopping the servers");
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            if (ports.isEmpty()) {
                throw e; // the servers did not start: nothing to report
            }
            problems.add("the servers did not stop cleanly: " + e.getMessage());
        }
        for (int port : ports) {
            if (listening(port)) {
                problems.add("port " + port + " still accepts connections after the servers were stopped");
            }
        }
        DemoReport result = new DemoReport(startedAt, since(t0), imagesFrom,
                media == null ? List.of() : media.totals(), media == null ? List.of() : media.samples(),
                ecal == null ? new EcalTotals(Map.of(), 0, 0, 0, 0, List.of()) : ecal.totals(), problems);
        io.out().print(TextReport.render(result));
        Path file = report == null ? io.workingDir().resolve(HtmlReport.FILE_NAME) : io.workingDir().resolve(report);
        try {
            HtmlReport.write(result, file);
            io.out().println("Report: " + file);
        } catch (IOException e) {
            io.err().println("demo: could not write " + file + ": " + e.getMessage());
            return ExitCodes.INCOMPLETE;
        }
        io.out().flush();
        return result.success() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
