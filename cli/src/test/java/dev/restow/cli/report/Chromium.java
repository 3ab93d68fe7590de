package dev.restow.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, as a person's browser: screenshots and the DOM after rendering. Tests skip when it is
 * absent unless {@code -Drestow.tools.required=true} (CI), where its absence fails them.
 */
public final class Chromium {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1280,2000");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or a skipped (or, when tools are required, failed) test. */
    public static Chromium requireOrSkip() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            String message = "chromium not found on the PATH (Debian package 'chromium'; bin/setup-tools installs it)";
            if (Boolean.getBoolean("restow.tools.required")) {
                throw new AssertionError(message + " and restow.tools.required=true");
            }
            Assumptions.abort(message);
        }
        return new Chromium(found.get());
    }

    private static Optional<Path> locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Renders {@code page} and writes a PNG screenshot of 1280x2000. */
    public Path screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath());
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot to " + png);
        }
        return png;
    }

    /** The DOM of {@code page} after rendering, serialised. */
    public String dom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    private String run(Path page, String action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("restow-chromium-");
        Path out = Files.createTempFile("restow-chromium-", ".out");
        try {
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.add(action);
            command.add(page.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited " + p.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
