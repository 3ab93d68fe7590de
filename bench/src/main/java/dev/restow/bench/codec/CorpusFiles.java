package dev.restow.bench.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The corpus manifest as the benchmarks need it: file, category, path. */
public record CorpusFiles(Path dir, List<Item> items) {

    /** One corpus file. */
    public record Item(String file, String category, Path path) {
    }

    /** Reads {@code dir/MANIFEST.tsv}; fails with a message naming the directory when it is missing. */
    public static CorpusFiles load(Path dir) throws IOException {
        Path manifest = dir.resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            throw new IOException("no corpus at " + dir.toAbsolutePath()
                    + " (MANIFEST.tsv missing): pass -Drestow.corpus=/path/to/corpus");
        }
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("file\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            items.add(new Item(f[0], f[2], dir.resolve("images").resolve(f[0])));
        }
        return new CorpusFiles(dir, List.copyOf(items));
    }

    /** The corpus named by {@code -Drestow.corpus}, default {@code ../shared/corpus}. */
    public static CorpusFiles fromSystemProperty() throws IOException {
        return load(Path.of(System.getProperty("restow.corpus", "../shared/corpus")));
    }
}
