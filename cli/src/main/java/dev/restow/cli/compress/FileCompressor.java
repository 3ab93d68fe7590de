package dev.restow.cli.compress;

import dev.restow.image.CodecOptions;
import dev.restow.image.Conversion;
import dev.restow.image.ImageCodec;
import dev.restow.image.ImageFormat;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts one local file with exactly the codec and rules the per-image Lambda uses (the same {@link ImageCodec}, the
 * same size limit before reading), and optionally writes the WebP next to others in an output directory. Never throws
 * for a bad file: every input gets a {@link CompressLine}. Thread-safe.
 */
public final class FileCompressor {

    /** The Lambda's default limit on an object's size, checked before it is read (RESTOW_MAX_INPUT_BYTES). */
    public static final long MAX_INPUT_BYTES = 50L * 1024 * 1024;

    static final String NOT_A_FILE = "not-a-file";
    static final String UNREADABLE = "unreadable";
    static final String WRITE_FAILED = "write-failed";

    private static final Logger LOG = LoggerFactory.getLogger(FileCompressor.class);

    private final ImageCodec codec;
    private final long maxInputBytes;
    private final Path outDir;

    /**
     * @param options       codec settings
     * @param maxInputBytes files larger than this are {@code rejected:too-large} without being read
     * @param outDir        where to write {@code <name>.webp}; {@code null} to write nothing
     */
    public FileCompressor(CodecOptions options, long maxInputBytes, Path outDir) {
        this.codec = new ImageCodec(Objects.requireNonNull(options, "options"));
        this.maxInputBytes = maxInputBytes;
        this.outDir = outDir;
    }

    /**
     * Converts {@code file}.
     *
     * @param file   the input
     * @param label  how the line names it (the path as the user typed it)
     * @param target file name of the WebP inside the output directory (see {@link #targetNames}); ignored without one
     */
    public CompressLine compress(Path file, String label, String target) {
        long start = System.nanoTime();
        try {
            return convert(file, label, target, start);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            LOG.warn("{}: internal error converting: {}", label, e.toString());
            LOG.debug("{}: internal error", label, e);
            return CompressLine.of(label, Outcome.failed(Reasons.INTERNAL), ImageFormat.UNKNOWN.label(), 0, 0,
                    sizeOrZero(file), 0, millisSince(start));
        }
    }

    private CompressLine convert(Path file, String label, String target, long start) {
        if (!Files.exists(file)) {
            return refused(label, Outcome.rejected(Reasons.NOT_FOUND), ImageFormat.UNKNOWN, 0, start);
        }
        if (!Files.isRegularFile(file)) {
            return refused(label, Outcome.rejected(NOT_A_FILE), ImageFormat.UNKNOWN, 0, start);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxInputBytes) {
                return refused(label, Outcome.rejected(Reasons.TOO_LARGE), ImageFormat.sniff(head(file)), size,
                        start);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return refused(label, Outcome.rejected(Reasons.NOT_FOUND), ImageFormat.UNKNOWN, 0, start);
        } catch (AccessDeniedException e) {
            return refused(label, Outcome.failed(UNREADABLE), ImageFormat.UNKNOWN, 0, start);
        } catch (IOException e) {
            LOG.warn("{}: cannot read: {}", label, e.toString());
            return refused(label, Outcome.failed(UNREADABLE), ImageFormat.UNKNOWN, sizeOrZero(file), start);
        }
        Conversion c = codec.convert(bytes);
        Outcome outcome = c.outcome();
        if (outDir != null && c.webp().isPresent()) {
            try {
                write(outDir.resolve(target), c.webp().get());
            } catch (IOException e) {
                LOG.warn("{}: cannot write the WebP: {}", label, e.toString());
                outcome = Outcome.failed(WRITE_FAILED);
            }
        }
        return CompressLine.of(label, outcome, c.format(), c.width(), c.height(), c.inputBytes(), c.outputBytes(),
                millisSince(start));
    }

    private void write(Path target, byte[] webp) throws IOException {
        // not createTempFile: its owner-only permissions would stick to the WebP
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        try {
            Files.write(tmp, webp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The WebP file names for {@code inputs}, in order: {@code <name without extension>.webp}; when an earlier input
     * already took that name ({@code a.jpg} then {@code a.png}), {@code <name>.webp} with the extension kept, as the
     * Lambda falls back to appending.
     */
    public static List<String> targetNames(List<Path> inputs) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(inputs.size());
        for (Path input : inputs) {
            Path fileName = input.getFileName();
            String name = fileName == null ? "image" : fileName.toString();
            int dot = name.lastIndexOf('.');
            String candidate = (dot > 0 ? name.substring(0, dot) : name) + ".webp";
            if (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
                candidate = name + ".webp";
                int n = 2;
                while (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
                    candidate = name + "-" + n++ + ".webp";
                }
            }
            names.add(candidate);
        }
        return names;
    }

    private static CompressLine refused(String label, Outcome outcome, ImageFormat format, long size, long start) {
        return CompressLine.of(label, outcome, format.label(), 0, 0, size, 0, millisSince(start));
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
