package dev.restow.cli;

import dev.restow.config.Env;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a command talks to: its streams, its environment, its working directory, and whether a person watches a
 * terminal (then progress is a bar; otherwise plain lines). Tests build one around byte buffers.
 *
 * @param out         results (JSON lines, reports)
 * @param err         progress, prompts' context, errors
 * @param in          answers to prompts
 * @param env         environment variables the configuration is read from
 * @param workingDir  where files such as {@code restow-report.html} are written
 * @param interactive whether stderr is a terminal
 */
public record CommandIo(PrintStream out, PrintStream err, InputStream in, Env env, Path workingDir,
                        boolean interactive) {

    public CommandIo {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(env, "env");
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The process's own streams and environment. */
    public static CommandIo system() {
        return new CommandIo(System.out, System.err, System.in, Env.system(), Path.of(""), System.console() != null);
    }

    public CommandIo withEnv(Env env) {
        return new CommandIo(out, err, in, env, workingDir, interactive);
    }
}
