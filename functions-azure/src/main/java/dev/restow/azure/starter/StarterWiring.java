package dev.restow.azure.starter;

import com.microsoft.durabletask.DurableTaskClient;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import dev.restow.db.Pools;
import dev.restow.ecal.db.EcalRepository;
import dev.restow.ecal.db.JdbcRecordFinder;
import dev.restow.ecal.selection.RecordFinder;

/**
 * Builds the starters' service inside the Functions host: the configuration and the record finder (one pool per
 * worker process) from the app settings on first use, around the durable client the handler opened from the invocation's binding.
 *
 * <p>Made lazily and kept only once built, so a missing or bad app setting fails each invocation with a
 * {@link dev.restow.config.ConfigException} naming it (logged by the host) rather than poisoning class loading.
 */
final class StarterWiring {

    private static final Object LOCK = new Object();
    private static volatile Built built;

    private record Built(RecordFinder finder, RunDefaults defaults) {
    }

    private StarterWiring() {
    }

    static MigrationStarterService service(DurableTaskClient client) {
        Built b = built();
        return new MigrationStarterService(b.finder(), new DurableScheduler(client), b.defaults());
    }

    private static Built built() {
        Built b = built;
        if (b == null) {
            synchronized (LOCK) {
                b = built;
                if (b == null) {
                    EcalConfig config = EcalConfig.load(Env.system());
                    EcalRepository repository = new EcalRepository(Pools.create(config.db(), "restow-ecal-starter"),
                            config.ecalTable(), config.db().statementTimeout());
                    b = new Built(new JdbcRecordFinder(repository, config.locations()), RunDefaults.of(config));
                    built = b;
                }
            }
        }
        return b;
    }
}
