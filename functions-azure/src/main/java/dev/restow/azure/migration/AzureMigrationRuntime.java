package dev.restow.azure.migration;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.zaxxer.hikari.HikariDataSource;
import dev.restow.azure.blob.AzureStorageClients;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import dev.restow.db.Pools;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.db.MigrationLedger;
import dev.restow.ecal.migration.MigrationSteps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The migration's activities wired to Azure storage and PostgreSQL from an {@link EcalConfig}: one
 * connection pool and one blob client per account for the worker process.
 */
public final class AzureMigrationRuntime implements AutoCloseable {
    /** Storage calls at once inside one activity. */
    public static final int STEP_PARALLELISM = 8;

    private static final Object LOCK = new Object();
    private static volatile AzureMigrationRuntime shared;

    private final EcalConfig config;
    private final HikariDataSource dataSource;
    private final MigrationActivities activities;

    private AzureMigrationRuntime(EcalConfig config, HikariDataSource dataSource, MigrationActivities activities) {
        this.config = config;
        this.dataSource = dataSource;
        this.activities = activities;
    }

    /**
     * Wires everything from {@code config}.
     *
     * @param policies    added to both accounts' HTTP pipelines (request counting in the benchmark)
     * @param storeFilter wraps each store (counting or fault injection in tests); identity in production
     */
    public static AzureMigrationRuntime create(EcalConfig config, List<HttpPipelinePolicy> policies,
                                               UnaryOperator<BlobStore> storeFilter) {
        Objects.requireNonNull(config, "config");
        HikariDataSource ds = Pools.create(config.db(), "restow-ecal");
        MigrationLedger ledger = new MigrationLedger(ds, config.ledgerTable(), config.db().statementTimeout());
        BlobStore cold = storeFilter.apply(AzureStorageClients.store(config.cold(), config.coldContainer(), policies));
        Map<String, BlobStore> sources = new ConcurrentHashMap<>();
        Function<String, BlobStore> source = container -> sources.computeIfAbsent(container,
                c -> storeFilter.apply(AzureStorageClients.store(config.source(), c, policies)));
        MigrationSteps steps = new MigrationSteps(config.locations(), source, cold, ds, ledger,
                config.db().statementTimeout(), STEP_PARALLELISM);
        return new AzureMigrationRuntime(config, ds, new MigrationActivities(steps));
    }

    /** The worker process's runtime, from the app settings, made on first use. */
    public static AzureMigrationRuntime shared() {
        AzureMigrationRuntime r = shared;
        if (r == null) {
            synchronized (LOCK) {
                r = shared;
                if (r == null) {
                    r = create(EcalConfig.load(Env.system()), List.of(), UnaryOperator.identity());
                    shared = r;
                }
            }
        }
        return r;
    }

    public EcalConfig config() {
        return config;
    }

    public MigrationActivities activities() {
        return activities;
    }

    @Override
    public void close() {
        activities.steps().close();
        dataSource.close();
    }
}
