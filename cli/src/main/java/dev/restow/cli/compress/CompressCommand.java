package dev.restow.cli.compress;

import dev.restow.cli.CommandIo;
import dev.restow.cli.ExitCodes;
import dev.restow.image.CodecOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restow compress}: converts local files with the Lambda's codec and prints one JSON line per input. */
@Command(name = "compress", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Convert local image files with the Lambda's codec; one JSON line per file.",
        description = {"Converts local image files to WebP with exactly the codec and rules the per-image Lambda uses, "
                + "and prints one JSON object per input, in input order:",
                "  {\"file\":\"...\",\"outcome\":\"converted|skipped|rejected|failed\",\"reason\":\"...\",",
                "   \"format\":\"jpeg|png|...\",\"width\":W,\"height\":H,\"inputBytes\":N,\"outputBytes\":N,"
                        + "\"millis\":N}",
                "Nothing is written unless --out is given. A bad file never stops the run: every input gets its line. "
                        + "Exit code 0 when every file got a line."})
public final class CompressCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quality", paramLabel = "Q",
            description = "WebP quality 0..100 (default 80, as the Lambda's WEBP_QUALITY).")
    private Integer quality;

    @Option(names = "--method", paramLabel = "M",
            description = "WebP effort 0 (fastest) .. 6 (smallest) (default 6, as the Lambda's WEBP_METHOD).")
    private Integer method;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Refuse images whose header declares more pixels, before decoding "
                    + "(default 50000000, as the Lambda's RESTOW_MAX_PIXELS).")
    private Long maxPixels;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each kept WebP to DIR as <input name without extension>.webp (created if absent).")
    private Path out;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files to convert.")
    private List<Path> files;

    private final CommandIo io;

    public CompressCommand(CommandIo io) {
        this.io = io;
    }

    /** The codec settings from the options, or a usage error naming the bad option. */
    CodecOptions options() {
        CodecOptions o = CodecOptions.DEFAULTS;
        if (quality != null) {
            if (quality < 0 || quality > 100) {
                throw usage("--quality must be in 0..100, got " + quality);
            }
            o = o.withQuality(quality);
        }
        if (method != null) {
            if (method < 0 || method > 6) {
                throw usage("--method must be in 0..6, got " + method);
            }
            o = o.withMethod(method);
        }
        if (maxPixels != null) {
            if (maxPixels <= 0) {
                throw usage("--max-pixels must be greater than 0, got " + maxPixels);
            }
            o = o.withMaxPixels(maxPixels);
        }
        return o;
    }

    @Override
    public Integer call() throws InterruptedException {
        CodecOptions options = options();
        Path outDir = out == null ? null : prepareOutDir(out);
        List<String> targets = FileCompressor.targetNames(files);
        FileCompressor compressor = new FileCompressor(options, FileCompressor.MAX_INPUT_BYTES, outDir);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "restow-compress");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CompressLine>> results = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String target = targets.get(i);
                results.add(pool.submit(() -> compressor.compress(file, file.toString(), target)));
            }
            for (int i = 0; i < results.size(); i++) {
                io.out().println(await(results.get(i), files.get(i)).toJson());
                io.out().flush();
            }
        } finally {
            pool.shutdownNow();
        }
        return ExitCodes.OK;
    }

    private static CompressLine await(Future<CompressLine> result, Path file) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            // compress() catches everything it can; this is the last guard so that the file still gets its line
            return CompressLine.of(file.toString(), dev.restow.outcome.Outcome.failed(
                    dev.restow.outcome.Reasons.INTERNAL), "unknown", 0, 0, 0, 0, 0);
        }
    }

    private Path prepareOutDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw usage("--out: '" + dir + "' exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw usage("--out: cannot create directory '" + dir + "': " + e.getClass().getSimpleName());
        }
        if (!Files.isWritable(dir)) {
            throw usage("--out: directory '" + dir + "' is not writable");
        }
        return dir;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
