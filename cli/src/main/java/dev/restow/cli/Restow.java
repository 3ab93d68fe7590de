package dev.restow.cli;

import dev.restow.cli.compress.CompressCommand;
import dev.restow.cli.demo.DemoCommand;
import dev.restow.cli.migrate.MigrateCommand;
import dev.restow.cli.optimize.OptimizeCommand;
import dev.restow.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code restow} command line: {@code demo}, {@code compress}, {@code optimize}, {@code migrate}. */
@Command(name = "restow", mixinStandardHelpOptions = true, versionProvider = Restow.Version.class,
        description = {"Rewrites object-storage files that a database points at: WebP media optimisation (AWS) and "
                + "ECAL cold-storage migration (Azure), run locally or once against real infrastructure."},
        footer = {"", "Exit codes: 0 everything expected happened, 1 the run was incomplete, 2 bad usage or "
                + "configuration (nothing done).", "Docs: docs/cli.md"},
        commandListHeading = "%nCommands:%n", synopsisSubcommandLabel = "COMMAND")
public final class Restow implements Callable<Integer> {

    /** Picks this jar's logging configuration unless the user named one. */
    static final String LOGBACK_PROPERTY = "logback.configurationFile";
    static final String LOGBACK_CONFIG = "restow-cli-logback.xml";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (INFO from restow) to stderr.",
            scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean on) {
        if (on) {
            Logging.verbose();
        }
    }

    private final CommandIo io;

    Restow(CommandIo io) {
        this.io = io;
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            System.setProperty(LOGBACK_PROPERTY, LOGBACK_CONFIG);
        }
        int code = run(CommandIo.system(), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns its exit code. Never calls {@link System#exit}. */
    public static int run(CommandIo io, String... args) {
        return commandLine(io).execute(args);
    }

    /** The command tree with its error handling, writing to {@code io}. */
    public static CommandLine commandLine(CommandIo io) {
        CommandLine cl = new CommandLine(new Restow(io));
        cl.addSubcommand(new DemoCommand(io));
        cl.addSubcommand(new CompressCommand(io));
        cl.addSubcommand(new OptimizeCommand(io));
        cl.addSubcommand(new MigrateCommand(io));
        cl.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(Restow::onParameterException);
        cl.setExecutionExceptionHandler(Restow::onExecutionException);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(100);
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required: demo, compress, optimize or migrate");
    }

    private static int onParameterException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        String message = e.getMessage() == null ? "bad usage" : e.getMessage();
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length()); // picocli's prefix on group errors; ours say it already
        }
        cl.getErr().println(oneLine(name + ": " + message) + " (see '" + name + " --help')");
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int onExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String name = cl.getCommandSpec().qualifiedName();
        PrintWriter err = cl.getErr();
        int code;
        if (e instanceof ConfigException || e instanceof UsageException) {
            err.println(oneLine(name + ": " + e.getMessage()));
            code = ExitCodes.USAGE;
        } else {
            Logger log = LoggerFactory.getLogger(Restow.class); // not a static field: main() picks the configuration first
            err.println(oneLine(name + ": failed: " + describe(e)) + " (run with --verbose for details)");
            log.info("{} failed", name, e);
            code = ExitCodes.INCOMPLETE;
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** The jar's version, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Restow.class.getPackage().getImplementationVersion();
            return new String[]{"restow " + (v == null ? "(development build)" : v)};
        }
    }
}
