package dev.restow.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fallback engine of {@link LocalPostgres}: the distribution's server under {@code /usr/lib/postgresql/<n>/bin}
 * (highest version found), started with {@code pg_ctl} on a temporary data directory. {@code initdb} refuses to run
 * as root, so as root every command runs through {@code runuser -u postgres} on a directory chowned to that user.
 */
final class DebianPostgres implements LocalPostgres.Engine {

    private static final Logger LOG = LoggerFactory.getLogger(DebianPostgres.class);
    private static final Path INSTALL_ROOT = Paths.get("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private DebianPostgres(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    static DebianPostgres start(String host) {
        Path bin = findBin().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server found under " + INSTALL_ROOT + "/<version>/bin (install Debian's "
                        + "postgresql package) and zonky embedded PostgreSQL did not start"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("restow-pg-");
            Path data = dir.resolve("data");
            if (asRoot) {
                run(List.of("chown", OS_USER + ":" + OS_USER, dir.toString()), false);
            }
            DebianPostgres pg = new DebianPostgres(bin, dir, Ports.freePort(), asRoot);
            pg.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync"));
            String options = "-h " + host + " -p " + pg.port + " -k " + dir + " -F -c synchronous_commit=off"
                    + " -c full_page_writes=off -c max_connections=200";
            pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    dir.resolve("server.log").toString(), "-o", options, "-w", "-t", "60", "start"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the PostgreSQL server in " + bin, e);
        }
    }

    private static Optional<Path> findBin() {
        if (!Files.isDirectory(INSTALL_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(DebianPostgres::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + INSTALL_ROOT, e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void exec(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean logOutput) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + String.join(" ", command) + ": " + output);
        }
        if (logOutput) {
            LOG.debug("{}: {}", command, output);
        }
    }

    @Override
    public String name() {
        return "Debian " + bin.getParent().getFileName();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        } finally {
            Files2.deleteRecursively(dir);
        }
    }
}
