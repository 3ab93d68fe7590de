package dev.restow.cli.migrate;

import dev.restow.cli.CommandIo;
import dev.restow.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code restow migrate} (work in progress). */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class MigrateCommand implements Callable<Integer> {
    private final CommandIo io;

    public MigrateCommand(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("not implemented yet");
    }
}
