package dev.restow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The image corpus of real-world files that tests and benchmarks run against: a directory holding
 * {@code MANIFEST.tsv} and {@code images/}.
 *
 * <p>Its location is the system property {@value #DIR_PROPERTY} (default {@value #DEFAULT_DIR}, relative to the
 * working directory). Builds set {@value #REQUIRED_PROPERTY} to {@code true} in CI so that a missing corpus fails
 * instead of skipping:
 *
 * <pre>{@code
 * Corpus corpus = Corpus.requireOrSkip(msg -> Assumptions.abort(msg));
 * }</pre>
 *
 * <p>Images are read in place; never copy them into the project.
 */
public final class Corpus {

    /** System property naming the corpus directory. */
    public static final String DIR_PROPERTY = "restow.corpus";
    /** System property that, when {@code true}, turns a missing corpus into a failure. */
    public static final String REQUIRED_PROPERTY = "restow.corpus.required";
    /** Corpus directory used when {@value #DIR_PROPERTY} is not set. */
    public static final String DEFAULT_DIR = "../shared/corpus";
    /** The manifest's file name inside the corpus directory. */
    public static final String MANIFEST = "MANIFEST.tsv";

    static final List<String> HEADER = List.of("file", "split", "category", "source_repo", "source_commit",
            "source_path", "bytes", "format", "width_x_height", "notes");

    private final Path dir;
    private final List<Entry> entries;

    private Corpus(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * One file of the corpus, as described by a row of {@code MANIFEST.tsv}.
     *
     * @param file     file name inside {@code images/}
     * @param category what the file exercises, e.g. {@code cmyk-jpeg}, {@code decompression-bomb}
     * @param bytes    file size in bytes
     * @param format   format as identified when the corpus was built (free text, e.g. {@code JPEG}, {@code data})
     * @param width    width in pixels, 0 when unknown ({@code -} in the manifest)
     * @param height   height in pixels, 0 when unknown
     * @param notes    free-text notes (mode, ICC profile, what other tools make of the file)
     * @param path     absolute path of the image file
     */
    public record Entry(String file, String category, long bytes, String format, int width, int height, String notes,
                        Path path) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(notes, "notes");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Finds the corpus named by {@value #DIR_PROPERTY}.
     *
     * @return the corpus, or empty when its directory or manifest does not exist
     * @throws IllegalStateException when the manifest exists but cannot be parsed
     */
    public static Optional<Corpus> locate() {
        return locate(configuredDir());
    }

    /**
     * Finds the corpus in a given directory.
     *
     * @param dir directory expected to hold {@code MANIFEST.tsv}
     * @return the corpus, or empty when the directory or its manifest does not exist
     * @throws IllegalStateException when the manifest exists but cannot be parsed
     */
    public static Optional<Corpus> locate(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path manifest = abs.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(new Corpus(abs, parse(abs, manifest)));
    }

    /** @return whether {@value #REQUIRED_PROPERTY} is {@code true} */
    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /**
     * Returns the corpus, or skips (or fails) the caller when it is absent.
     *
     * @param skip called with a message when the corpus is absent and not {@linkplain #required() required};
     *             tests pass {@code msg -> Assumptions.abort(msg)}
     * @return the corpus
     * @throws IllegalStateException when the corpus is absent and required, or when {@code skip} returns
     */
    public static Corpus requireOrSkip(Consumer<String> skip) {
        return requireOrSkip(configuredDir(), required(), skip);
    }

    static Corpus requireOrSkip(Path dir, boolean required, Consumer<String> skip) {
        Objects.requireNonNull(skip, "skip");
        Optional<Corpus> corpus = locate(dir);
        if (corpus.isPresent()) {
            return corpus.get();
        }
        String message = "image corpus not found at " + dir.toAbsolutePath().normalize() + ": set -D" + DIR_PROPERTY
                + "=<dir>";
        if (!required) {
            skip.accept(message);
        }
        throw new IllegalStateException(message);
    }

    private static Path configuredDir() {
        return Paths.get(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    }

    private static List<Entry> parse(Path dir, Path manifest) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + manifest, e);
        }
        if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(HEADER)) {
            throw new IllegalStateException(manifest + ": header must be " + String.join("<TAB>", HEADER)
                    + " but was " + (lines.isEmpty() ? "empty" : "'" + lines.get(0) + "'"));
        }
        Path images = dir.resolve("images");
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            entries.add(parseLine(manifest, i + 1, line, images));
        }
        return entries;
    }

    private static Entry parseLine(Path manifest, int lineNumber, String line, Path images) {
        String[] f = line.split("\t", -1);
        if (f.length != HEADER.size()) {
            throw new IllegalStateException(manifest + " line " + lineNumber + ": expected " + HEADER.size()
                    + " tab-separated fields but found " + f.length);
        }
        try {
            long bytes = Long.parseLong(f[6]);
            int width = 0;
            int height = 0;
            if (!"-".equals(f[8])) {
                int x = f[8].indexOf('x');
                if (x < 0) {
                    throw new NumberFormatException("width_x_height '" + f[8] + "' is not <w>x<h> or -");
                }
                width = Integer.parseInt(f[8].substring(0, x));
                height = Integer.parseInt(f[8].substring(x + 1));
            }
            return new Entry(f[0], f[2], bytes, f[7], width, height, f[9], images.resolve(f[0]));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(manifest + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** @return the absolute corpus directory */
    public Path dir() {
        return dir;
    }

    /** @return all entries, in manifest order */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param category a category of the manifest, e.g. {@code cmyk-jpeg}
     * @return the entries of that category, in manifest order (empty when none)
     */
    public List<Entry> byCategory(String category) {
        Objects.requireNonNull(category, "category");
        return entries.stream().filter(e -> e.category().equals(category)).toList();
    }

    /**
     * @param file a file name of the manifest
     * @return the entry for that file, if listed
     */
    public Optional<Entry> entry(String file) {
        return entries.stream().filter(e -> e.file().equals(file)).findFirst();
    }

    @Override
    public String toString() {
        return "Corpus[" + dir + ", " + entries.size() + " entries]";
    }
}
