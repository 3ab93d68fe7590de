package dev.restow.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Azurite's blob service (npm {@code azurite} {@value #VERSION}) as a child {@code node} process on
 * {@code 127.0.0.1} and a random free port, with named storage accounts and generated keys.
 *
 * <p>Azurite installs itself on first use: when {@code node_modules/azurite} is missing from the install directory
 * ({@code ${user.home}/.cache/restow/azurite-3.37.0}, or the system property {@value #HOME_PROPERTY}), it runs
 * {@code npm install --no-audit --no-fund --prefix <dir> azurite@3.37.0} (about 30 s, once per machine). Node and npm
 * must be on the {@code PATH}.
 *
 * <p>The node process dies with the JVM: {@link #close()} and a shutdown hook (registered for every instance) kill
 * its process tree, and a small
 * watchdog script makes node exit when its stdin (held by this JVM) closes, so it goes even when the JVM is killed.
 * Data lives in a temporary directory deleted on close.
 *
 * <p>Use {@code 127.0.0.1} everywhere (as {@link #connectionString(String)} and {@link #blobEndpoint(String)} do):
 * Azurite validates cross-account copy sources against the host it was addressed by, and a mix of
 * {@code localhost} and {@code 127.0.0.1} fails with {@code CannotVerifyCopySource}.
 *
 * <pre>{@code
 * LocalAzurite azurite = LocalAzurite.shared();     // accounts hotstore and coldstore
 * BlobServiceClient hot = new BlobServiceClientBuilder()
 *     .connectionString(azurite.connectionString("hotstore")).buildClient();
 * }</pre>
 */
public final class LocalAzurite implements AutoCloseable {

    /** The npm package version installed and run. */
    public static final String VERSION = "3.37.0";
    /** System property overriding the install directory. */
    public static final String HOME_PROPERTY = "restow.azurite.home";
    /** The accounts of {@link #shared()}. */
    public static final List<String> SHARED_ACCOUNTS = List.of("hotstore", "coldstore");

    private static final Logger LOG = LoggerFactory.getLogger(LocalAzurite.class);
    private static final SharedServer<LocalAzurite> SHARED =
            new SharedServer<>("Azurite", () -> start(SHARED_ACCOUNTS.toArray(String[]::new)), LocalAzurite::stop);
    private static final String HOST = "127.0.0.1";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern LISTENING = Pattern.compile("successfully listens on https?://[^\\s:]+:(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    private static final String MAIN = "node_modules/azurite/dist/src/blob/main.js";
    private static final String WATCHDOG = String.join("\n",
            "'use strict';",
            "// Started by restow's LocalAzurite: exit when the JVM's end of stdin closes (the JVM is gone).",
            "process.stdin.on('end', () => process.exit(0));",
            "process.stdin.on('error', () => process.exit(0));",
            "process.stdin.resume();",
            "// On SIGTERM/SIGINT Azurite closes its server; let go of stdin so node can exit, and make sure it does.",
            "const stop = () => { process.stdin.destroy(); setTimeout(() => process.exit(0), 3000).unref(); };",
            "process.once('SIGTERM', stop);",
            "process.once('SIGINT', stop);",
            "require(process.env.RESTOW_AZURITE_MAIN);",
            "");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final Path workDir;
    private final int port;
    private final Map<String, String> keys;
    private final Deque<String> output;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalAzurite(Process process, Path workDir, int port, Map<String, String> keys, Deque<String> output) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.output = output;
        this.shutdownHook = new Thread(this::stop, "restow-local-azurite-stop-" + port);
    }

    /**
     * Returns the JVM-wide Azurite with the accounts {@code hotstore} and {@code coldstore}, starting it on first use;
     * a shutdown hook stops it.
     *
     * @return the shared server; closing it is a no-op
     */
    public static LocalAzurite shared() {
        return SHARED.get();
    }

    /**
     * Installs Azurite if needed and starts a private blob service; the caller closes it.
     *
     * @param accountNames one or more storage account names (3-24 lower-case letters and digits); keys are generated
     * @return a running server
     * @throws IllegalArgumentException when no account or an invalid or duplicate name is given
     * @throws IllegalStateException    when node or npm is missing, the install fails, or Azurite does not start
     */
    public static LocalAzurite start(String... accountNames) {
        Map<String, String> keys = generateKeys(accountNames);
        Path home = installIfMissing(installDir(), npmCommand());
        long started = System.nanoTime();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("restow-azurite-");
            Files.createDirectories(workDir.resolve("data"));
            Files.writeString(workDir.resolve("watchdog.js"), WATCHDOG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for Azurite", e);
        }
        List<String> command = List.of(nodeCommand(), workDir.resolve("watchdog.js").toString(),
                "--blobHost", HOST, "--blobPort", "0", "--location", workDir.resolve("data").toString(),
                "--skipApiVersionCheck", "--loose", "--disableTelemetry");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AZURITE_ACCOUNTS", keys.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";")));
        builder.environment().put("RESTOW_AZURITE_MAIN", home.resolve(MAIN).toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Files2.deleteRecursively(workDir);
            throw new IllegalStateException("could not run node (" + e.getMessage() + "): install Node.js 18 or newer"
                    + " and put it on the PATH", e);
        }
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, listening), "restow-azurite-output");
        reader.setDaemon(true);
        reader.start();
        int port;
        try {
            port = listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            Files2.deleteRecursively(workDir);
            throw new IllegalStateException("interrupted while starting Azurite", e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            Files2.deleteRecursively(workDir);
            throw new IllegalStateException("Azurite did not report its port within " + START_TIMEOUT_SECONDS
                    + " s; its output: " + snapshot(output), e);
        }
        LocalAzurite azurite = new LocalAzurite(process, workDir, port, keys, output);
        Runtime.getRuntime().addShutdownHook(azurite.shutdownHook);
        LOG.info("Azurite {} blob service (accounts {}) listening on {}:{} after {} ms", VERSION, keys.keySet(),
                HOST, port, (System.nanoTime() - started) / 1_000_000);
        return azurite;
    }

    private static Map<String, String> generateKeys(String... accountNames) {
        Objects.requireNonNull(accountNames, "accountNames");
        if (accountNames.length == 0) {
            throw new IllegalArgumentException("at least one storage account name is required");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : accountNames) {
            Objects.requireNonNull(name, "account name");
            if (!ACCOUNT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("storage account name must match " + ACCOUNT_NAME.pattern()
                        + " but was '" + name + "'");
            }
            byte[] key = new byte[64];
            RANDOM.nextBytes(key);
            if (keys.put(name, Base64.getEncoder().encodeToString(key)) != null) {
                throw new IllegalArgumentException("storage account name given twice: '" + name + "'");
            }
        }
        return keys;
    }

    private static void readOutput(Process process, Deque<String> output, CompletableFuture<Integer> listening) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 50) {
                        output.removeFirst();
                    }
                }
                LOG.debug("azurite: {}", line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            LOG.debug("azurite output closed: {}", e.toString());
        } finally {
            listening.completeExceptionally(new IllegalStateException("azurite exited"));
        }
    }

    private static String snapshot(Deque<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(none)" : String.join(" | ", output);
        }
    }

    /** @return the install directory: {@value #HOME_PROPERTY} or {@code ${user.home}/.cache/restow/azurite-3.37.0} */
    public static Path installDir() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath();
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "restow", "azurite-" + VERSION);
    }

    /**
     * Installs Azurite into {@code dir} with npm unless {@code node_modules/azurite} is already there. Concurrent
     * installers (other JVMs) are serialised by a lock file next to the directory.
     *
     * @param dir install directory
     * @param npm  the npm executable
     * @return {@code dir}
     * @throws IllegalStateException when npm is missing or the install fails
     */
    static Path installIfMissing(Path dir, String npm) {
        if (isInstalled(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (!isInstalled(dir)) {
                    npmInstall(dir, npm);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install Azurite into " + dir, e);
        }
        return dir;
    }

    static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve(MAIN));
    }

    private static void npmInstall(Path dir, String npmCommand) throws IOException {
        List<String> command = List.of(npmCommand, "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                "azurite@" + VERSION);
        LOG.info("installing Azurite {} into {} (once per machine): {}", VERSION, dir, String.join(" ", command));
        Path log = dir.resolve("npm-install.log");
        Process npm;
        try {
            npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run npm (" + e.getMessage() + ") to install Azurite " + VERSION
                    + " into " + dir + ": install Node.js and npm, or install azurite@" + VERSION
                    + " there yourself, or point -D" + HOME_PROPERTY + " at a directory holding node_modules/azurite",
                    e);
        }
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                kill(npm);
                throw new IllegalStateException("npm install of azurite@" + VERSION + " took longer than "
                        + INSTALL_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(npm);
            throw new IllegalStateException("interrupted while installing Azurite", e);
        }
        if (npm.exitValue() != 0 || !isInstalled(dir)) {
            throw new IllegalStateException("npm install of azurite@" + VERSION + " into " + dir + " failed (exit "
                    + npm.exitValue() + "): " + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String nodeCommand() {
        return System.getProperty("restow.node", "node");
    }

    private static String npmCommand() {
        return System.getProperty("restow.npm", "npm");
    }

    /**
     * A connection string for the Azure SDK.
     *
     * @param account one of this server's accounts
     * @return {@code DefaultEndpointsProtocol=http;AccountName=..;AccountKey=..;BlobEndpoint=http://127.0.0.1:<port>/<account>;}
     */
    public String connectionString(String account) {
        return "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + accountKey(account)
                + ";BlobEndpoint=" + blobEndpoint(account) + ";";
    }

    /**
     * @param account one of this server's accounts
     * @return the account's blob endpoint, {@code http://127.0.0.1:<port>/<account>}
     */
    public URI blobEndpoint(String account) {
        requireAccount(account);
        return URI.create("http://" + HOST + ":" + port + "/" + account);
    }

    /**
     * @param account one of this server's accounts
     * @return the account's base64 shared key
     * @throws IllegalArgumentException when the account is not one of this server's
     */
    public String accountKey(String account) {
        requireAccount(account);
        return keys.get(account);
    }

    /** @return this server's account names, in the order given */
    public Set<String> accounts() {
        return keys.keySet();
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the node process's id */
    public long pid() {
        return process.pid();
    }

    private void requireAccount(String account) {
        Objects.requireNonNull(account, "account");
        if (!keys.containsKey(account)) {
            throw new IllegalArgumentException("no storage account '" + account + "' on this Azurite; accounts: "
                    + keys.keySet());
        }
    }

    /** Closes node's stdin, as the JVM's death would (for the watchdog test). */
    void closeStdinForTest() throws IOException {
        process.getOutputStream().close();
    }

    /** Stops the node process tree and deletes the data. A no-op for {@link #shared()}. */
    @Override
    public void close() {
        if (SHARED.is(this)) {
            return;
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs anyway and finds this instance closed
                }
            }
            kill(process);
            Files2.deleteRecursively(workDir);
            LOG.info("Azurite on port {} stopped", port);
            LOG.debug("Azurite's last output: {}", snapshot(output));
        }
    }

    /** Terminates a process and all its descendants: politely, then forcibly after 5 s. */
    private static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
