package dev.restow.cli.optimize;

import dev.restow.cli.CommandIo;
import dev.restow.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code restow optimize} (work in progress). */
@Command(name = "optimize", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class OptimizeCommand implements Callable<Integer> {
    private final CommandIo io;

    public OptimizeCommand(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("not implemented yet");
    }
}
