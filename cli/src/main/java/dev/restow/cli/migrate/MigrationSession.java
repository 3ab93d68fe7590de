package dev.restow.cli.migrate;

import com.zaxxer.hikari.HikariDataSource;
import dev.restow.azure.durable.ActivityCall;
import dev.restow.azure.durable.DurableClock;
import dev.restow.azure.durable.InProcessDurableRunner;
import dev.restow.azure.durable.RunResult;
import dev.restow.azure.migration.AzureMigrationRuntime;
import dev.restow.azure.starter.MigrationStarterService;
import dev.restow.azure.starter.RunDefaults;
import dev.restow.azure.starter.StartResult;
import dev.restow.config.EcalConfig;
import dev.restow.db.Pools;
import dev.restow.ecal.db.EcalRepository;
import dev.restow.ecal.db.JdbcRecordFinder;
import dev.restow.ecal.selection.MigrationRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One ECAL migration from this process, the way Azure runs it: the HTTP starter's logic (record lookup, preview,
 * plan check, instance id) with a task hub that runs the real {@code EcalMigration} orchestrator and its activities
 * in-process under durabletask's executor (replay and determinism checks included), against the storage accounts
 * and database of an {@link EcalConfig}.
 */
public final class MigrationSession implements AutoCloseable {

    private final HikariDataSource finderPool;
    private final AzureMigrationRuntime runtime;
    private final InProcessDurableRunner runner;
    private final InProcessScheduler scheduler;
    private final MigrationStarterService service;

    /**
     * @param config   storage accounts, database, defaults
     * @param clock    {@link DurableClock#system()} against real storage; {@link DurableClock#skipping()} where copies
     *                 complete at once (Azurite)
     * @param activity called after each activity execution (progress)
     */
    public MigrationSession(EcalConfig config, DurableClock clock, Consumer<ActivityCall> activity) {
        this.finderPool = Pools.create(config.db(), "restow-cli-ecal-finder");
        AzureMigrationRuntime rt = null;
        InProcessDurableRunner r = null;
        try {
            rt = AzureMigrationRuntime.create(config, List.of(), UnaryOperator.identity());
            r = rt.activities().registerWith(InProcessDurableRunner.builder().clock(clock).afterActivity(activity))
                    .build();
        } catch (RuntimeException | Error e) {
            if (rt != null) {
                rt.close();
            }
            finderPool.close();
            throw e;
        }
        this.runtime = rt;
        this.runner = r;
        this.scheduler = new InProcessScheduler(runner);
        EcalRepository repository = new EcalRepository(finderPool, config.ecalTable(), config.db().statementTimeout());
        this.service = new MigrationStarterService(new JdbcRecordFinder(repository, config.locations()), scheduler,
                RunDefaults.of(config));
    }

    /**
     * Handles a request as the HTTP starter does: a dry run previews; a real run with the preview's plan runs the
     * orchestration to its end before returning.
     */
    public StartResult start(MigrationRequest request) {
        return service.start(request);
    }

    /** How a started instance ended. */
    public Optional<RunResult> result(String instanceId) {
        return scheduler.result(instanceId);
    }

    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            try {
                runtime.close();
            } finally {
                finderPool.close();
            }
        }
    }
}
