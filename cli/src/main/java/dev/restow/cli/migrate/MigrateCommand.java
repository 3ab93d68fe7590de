package dev.restow.cli.migrate;

import dev.restow.azure.durable.DurableClock;
import dev.restow.azure.durable.RunResult;
import dev.restow.azure.starter.StartResult;
import dev.restow.cli.CommandIo;
import dev.restow.cli.ExitCodes;
import dev.restow.cli.progress.Progress;
import dev.restow.config.EcalConfig;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.selection.MigrationRequest;
import dev.restow.ecal.selection.Preview;
import dev.restow.ecal.selection.Selection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code restow migrate}: the ECAL cold-storage migration run once from a workstation: the preview the original tool
 * showed, a {@code yes} prompt, then the real orchestrator in-process.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the ECAL migration once against the configured database and accounts.",
        description = {"Moves ECAL recordings from the hot storage account to the cold one, once, from this machine, "
                + "against the database and storage accounts configured by the same settings as the Azure functions "
                + "(DB_HOST, DB_NAME, DB_USER, DB_PASSWORD, SOURCE_AZURE_CONNECTION_STRING, "
                + "COLD_STORAGE_CONNECTION_STRING, COLD_STORAGE_CONTAINER...: docs/cli.md).",
                "Shows the preview (count, total size, first five recordings with source and destination, warnings), "
                        + "asks for 'yes' on standard input unless --yes, then runs the EcalMigration orchestrator and "
                        + "its activities in-process under durabletask's executor.",
                "Exit code 0 when every selected recording was migrated (or already was), 1 when some were not or the "
                        + "prompt was declined, 2 for bad options or settings."})
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Selection (exactly one):%n")
    private Selector selector;

    static final class Selector {
        @Option(names = "--ids", paramLabel = "ID[,ID...]", required = true,
                description = "These recordings (ecal_id values, comma-separated).")
        String ids;

        @Option(names = "--date", paramLabel = "D", required = true,
                description = "Recordings that started on this day (yyyy-mm-dd).")
        String date;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Range range;
    }

    static final class Range {
        @Option(names = "--from", paramLabel = "D", required = true,
                description = "Recordings that started on or after this day (yyyy-mm-dd)...")
        String from;

        @Option(names = "--to", paramLabel = "D", required = true, description = "...and on or before this day.")
        String to;
    }

    @Option(names = "--tier", paramLabel = "T",
            description = "Access tier of the copies: Hot, Cool, Cold or Archive (default: ECAL_TIER, else the cold "
                    + "account's default).")
    private String tier;

    @Option(names = "--keep-source", description = "Keep the source directories (default: delete them once the copies "
            + "are verified and the rows point at cold storage, as the original tool did).")
    private boolean keepSource;

    @Option(names = "--dry-run", description = "Show the preview and stop; change nothing.")
    private boolean dryRun;

    @Option(names = "--yes", description = "Do not ask; start after showing the preview.")
    private boolean yes;

    private final CommandIo io;

    public MigrateCommand(CommandIo io) {
        this.io = io;
    }

    /** The selection from the options, or a usage error naming the bad option. */
    Selection selection() {
        if (selector.ids != null) {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            for (String id : selector.ids.split(",", -1)) {
                if (id.isBlank()) {
                    throw usage("--ids: an id is empty");
                }
                ids.add(id.strip());
            }
            if (ids.size() > MigrationRequest.MAX_IDS) {
                throw usage("--ids: at most " + MigrationRequest.MAX_IDS + " ids at once, got " + ids.size());
            }
            return new Selection.ByIds(List.copyOf(ids));
        }
        if (selector.date != null) {
            return new Selection.OnDate(date("--date", selector.date));
        }
        LocalDate from = date("--from", selector.range.from);
        LocalDate to = date("--to", selector.range.to);
        if (to.isBefore(from)) {
            throw usage("--to (" + to + ") is before --from (" + from + ")");
        }
        return new Selection.Between(from, to);
    }

    private String tier(EcalConfig config) {
        if (tier == null) {
            return config.tier();
        }
        for (String t : MigrationRequest.TIERS) {
            if (t.equalsIgnoreCase(tier.strip())) {
                return t;
            }
        }
        throw usage("--tier must be one of Hot, Cool, Cold, Archive, got '" + tier + "'");
    }

    private LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw usage(option + ": '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    @Override
    public Integer call() {
        Selection selection = selection();
        EcalConfig config = EcalConfig.load(io.env());
        String chosenTier = tier(config);
        boolean deleteSource = !keepSource && config.deleteSource();
        BlobProgress blobs = new BlobProgress();
        try (MigrationSession session = new MigrationSession(config, DurableClock.system(), blobs)) {
            StartResult previewed = session.start(new MigrationRequest(selection, true, deleteSource, chosenTier, ""));
            if (!(previewed instanceof StartResult.Previewed p)) {
                io.err().println("migrate: unexpected answer to the preview: " + previewed);
                return ExitCodes.INCOMPLETE;
            }
            Preview preview = p.preview();
            io.out().print(MigrationText.preview(preview));
            io.out().flush();
            if (dryRun) {
                io.out().println("Dry run: nothing was changed.");
                return ExitCodes.OK;
            }
            if (preview.recordCount() == 0) {
                io.out().println("Nothing to migrate.");
                return ExitCodes.OK;
            }
            if (!yes && !confirmed(preview)) {
                io.out().println("Cancelled: nothing was changed.");
                return ExitCodes.INCOMPLETE;
            }
            StartResult started;
            try (Progress progress = Progress.start(io, "blobs", 0, "blobs")) {
                blobs.attach(progress);
                started = session.start(new MigrationRequest(selection, false, deleteSource, chosenTier,
                        preview.plan()));
            }
            return report(session, started);
        }
    }

    private boolean confirmed(Preview preview) {
        io.out().print("Type 'yes' to migrate " + preview.recordCount() + " recording(s)"
                + (preview.deleteSource() ? " and DELETE their source directories" : "") + ": ");
        io.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            if (!io.interactive()) {
                io.out().println(); // a person's Enter ends the line on a terminal; piped input does not
            }
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    private int report(MigrationSession session, StartResult started) {
        if (started instanceof StartResult.StalePlan stale) {
            io.err().println("migrate: " + stale.message());
            return ExitCodes.INCOMPLETE;
        }
        if (started instanceof StartResult.NothingToMigrate nothing) {
            io.out().println(nothing.message());
            return ExitCodes.OK;
        }
        if (!(started instanceof StartResult.Started s)) {
            io.err().println("migrate: not started: " + started);
            return ExitCodes.INCOMPLETE;
        }
        RunResult run = session.result(s.instanceId()).orElseThrow(() -> new IllegalStateException(
                "instance " + s.instanceId() + " did not run"));
        if (run.status() != RunResult.Status.COMPLETED) {
            io.err().println("migrate: the orchestration " + run.instanceId() + " ended " + run.status() + ": "
                    + run.failure());
            return ExitCodes.INCOMPLETE;
        }
        MigrationSummary summary = run.output(MigrationSummary.class);
        io.out().print(MigrationText.summary(summary));
        return summary.rejected() == 0 && summary.failed() == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
