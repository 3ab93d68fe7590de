package dev.restow.cli.demo;

import dev.restow.cli.CommandIo;
import dev.restow.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code restow demo} (work in progress). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class DemoCommand implements Callable<Integer> {
    private final CommandIo io;

    public DemoCommand(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("not implemented yet");
    }
}
