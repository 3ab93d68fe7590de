package dev.restow.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
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
 * Debian command-line tools the tests compare against (LittleCMS's jpgicc, tificc, transicc; libwebp's cwebp).
 * A test that needs a missing tool is skipped with a message, or fails when {@code restow.tools.required=true}.
 */
final class ReferenceTools {

    private ReferenceTools() {
    }

    static Optional<Path> find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The tool's path, or skips (fails when tools are required) naming the Debian package to install. */
    static Path require(String tool, String debianPackage) {
        Optional<Path> p = find(tool);
        if (p.isPresent()) {
            return p.get();
        }
        String msg = tool + " not found: install Debian package " + debianPackage + " (bin/setup-tools)";
        if (Boolean.getBoolean("restow.tools.required")) {
            fail(msg + "; restow.tools.required=true");
        }
        Assumptions.abort(msg);
        throw new AssertionError("unreachable");
    }

    /** Runs a command, feeding {@code stdin}; returns stdout; fails the test on a non-zero exit. */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        Thread feeder = new Thread(() -> {
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException ignored) {
                // the process exited early; its exit code tells
            }
        });
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        feeder.join();
        if (p.exitValue() != 0) {
            fail("exit " + p.exitValue() + ": " + command);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
