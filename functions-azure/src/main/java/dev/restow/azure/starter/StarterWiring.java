package dev.restow.azure.starter;

import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.selection.RecordFinder;

import java.util.function.UnaryOperator;

/**
 * Builds the starters' service inside the Functions host: the record finder (one pool per worker process, made on
 * first use) from the app settings, and the durable client from the invocation's binding.
 */
final class StarterWiring {

    private StarterWiring() {
    }

    static MigrationStarterService service(DurableClientContext durableContext) {
        return new MigrationStarterService(Holder.FINDER, new DurableScheduler(durableContext.getClient()),
                Holder.SETTINGS);
    }

    /** Initialised on first use, so a bad setting fails the invocation (and is logged), not class loading. */
    private static final class Holder {
        static final RecordFinder FINDER = selection -> {
            throw new IllegalStateException("the JDBC record finder is not wired yet");
        };
        static final UnaryOperator<MigrationInput> SETTINGS = UnaryOperator.identity();
    }
}
