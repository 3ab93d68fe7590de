package dev.restow.config;

import dev.restow.db.DbSettings;
import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.ContainerLocation;
import dev.restow.ecal.EcalLocations;
import dev.restow.ecal.MigrationInput;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the ECAL cold-storage migration reads from its environment (app settings), loaded once
 * and validated fail-fast; every error is a {@link ConfigException} naming the variable, never
 * showing a secret. The original tool's variables work as they were.
 *
 * <table>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>DB_HOST, DB_NAME, DB_USER</td><td>(required)</td><td>PostgreSQL</td></tr>
 * <tr><td>DB_PASSWORD</td><td>""</td><td>secret</td></tr>
 * <tr><td>DB_PORT</td><td>5432</td><td></td></tr>
 * <tr><td>DB_POOL_SIZE</td><td>4</td><td>connections per worker</td></tr>
 * <tr><td>SOURCE_AZURE_CONNECTION_STRING</td><td>(or SOURCE_STORAGE_ACCOUNT_URL)</td><td>hot account; needs an
 *     AccountKey to sign the copies' read SAS</td></tr>
 * <tr><td>SOURCE_STORAGE_ACCOUNT_URL</td><td></td><td>hot account URL, managed identity + user delegation SAS</td></tr>
 * <tr><td>SOURCE_CONTAINER</td><td>"" (any container of the account)</td><td>the only container records may be in</td></tr>
 * <tr><td>COLD_STORAGE_CONNECTION_STRING</td><td>(or COLD_STORAGE_ACCOUNT_URL)</td><td>cold account</td></tr>
 * <tr><td>COLD_STORAGE_ACCOUNT_URL</td><td></td><td>cold account URL, managed identity</td></tr>
 * <tr><td>COLD_STORAGE_CONTAINER</td><td>ecal-cold-storage</td><td></td></tr>
 * <tr><td>ECAL_TABLE</td><td>ecal</td><td></td></tr>
 * <tr><td>ECAL_LEDGER_TABLE</td><td>ecal_migration_ledger</td><td>created if absent (and {@code <name>_deleted})</td></tr>
 * <tr><td>ECAL_TIER</td><td>"" (account default)</td><td>Hot, Cool, Cold or Archive</td></tr>
 * <tr><td>ECAL_DELETE_SOURCE</td><td>true</td><td>as the original</td></tr>
 * <tr><td>ECAL_COPY_DEADLINE_SECONDS</td><td>3600</td><td>per blob, from the orchestration clock</td></tr>
 * <tr><td>ECAL_SAS_LIFETIME_SECONDS</td><td>7200</td><td>read SAS per copy wave</td></tr>
 * <tr><td>ECAL_MAX_PARALLEL_RECORDS</td><td>4</td><td>records migrated at once</td></tr>
 * <tr><td>ECAL_WAVE_SIZE</td><td>50</td><td>copies started per wave</td></tr>
 * </table>
 */
public record EcalConfig(DbSettings db, StorageAccess source, String sourceContainer, StorageAccess cold,
                         String coldContainer, SqlIdentifier ecalTable, SqlIdentifier ledgerTable, String tier,
                         boolean deleteSource, Duration copyDeadline, Duration sasLifetime, int maxParallelRecords,
                         int waveSize) {

    public static final String DB_HOST = "DB_HOST";
    public static final String DB_PORT = "DB_PORT";
    public static final String DB_NAME = "DB_NAME";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String SOURCE_CONNECTION_STRING = "SOURCE_AZURE_CONNECTION_STRING";
    public static final String SOURCE_ACCOUNT_URL = "SOURCE_STORAGE_ACCOUNT_URL";
    public static final String SOURCE_CONTAINER = "SOURCE_CONTAINER";
    public static final String COLD_CONNECTION_STRING = "COLD_STORAGE_CONNECTION_STRING";
    public static final String COLD_ACCOUNT_URL = "COLD_STORAGE_ACCOUNT_URL";
    public static final String COLD_CONTAINER = "COLD_STORAGE_CONTAINER";
    public static final String TABLE = "ECAL_TABLE";
    public static final String LEDGER_TABLE = "ECAL_LEDGER_TABLE";
    public static final String TIER = "ECAL_TIER";
    public static final String DELETE_SOURCE = "ECAL_DELETE_SOURCE";
    public static final String COPY_DEADLINE_SECONDS = "ECAL_COPY_DEADLINE_SECONDS";
    public static final String SAS_LIFETIME_SECONDS = "ECAL_SAS_LIFETIME_SECONDS";
    public static final String MAX_PARALLEL_RECORDS = "ECAL_MAX_PARALLEL_RECORDS";
    public static final String WAVE_SIZE = "ECAL_WAVE_SIZE";

    public static final String DEFAULT_COLD_CONTAINER = "ecal-cold-storage";
    public static final String DEFAULT_LEDGER_TABLE = "ecal_migration_ledger";
    /** Tiers a copy may be given ("" = the account default). */
    public static final List<String> TIERS = List.of("Hot", "Cool", "Cold", "Archive");

    /** Every variable this record reads, for checks against deployment settings. */
    public static final List<String> VARIABLES = List.of(DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD,
            DB_POOL_SIZE, SOURCE_CONNECTION_STRING, SOURCE_ACCOUNT_URL, SOURCE_CONTAINER, COLD_CONNECTION_STRING,
            COLD_ACCOUNT_URL, COLD_CONTAINER, TABLE, LEDGER_TABLE, TIER, DELETE_SOURCE, COPY_DEADLINE_SECONDS,
            SAS_LIFETIME_SECONDS, MAX_PARALLEL_RECORDS, WAVE_SIZE);

    public EcalConfig {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cold, "cold");
        Objects.requireNonNull(coldContainer, "coldContainer");
        Objects.requireNonNull(ecalTable, "ecalTable");
        Objects.requireNonNull(ledgerTable, "ledgerTable");
        sourceContainer = sourceContainer == null ? "" : sourceContainer;
        tier = tier == null ? "" : tier;
    }

    /** Loads and validates. */
    public static EcalConfig load(Env env) {
        DbSettings db;
        try {
            db = DbSettings.of(env.required(DB_HOST), env.integer(DB_PORT, DbSettings.DEFAULT_PORT, 1, 65535),
                            env.required(DB_NAME), env.required(DB_USER), env.secret(DB_PASSWORD))
                    .withPoolSize(env.integer(DB_POOL_SIZE, 4, 1, 50));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DB_HOST, e.getMessage());
        }
        StorageAccess source = StorageAccess.load(env, SOURCE_CONNECTION_STRING, SOURCE_ACCOUNT_URL, true);
        StorageAccess cold = StorageAccess.load(env, COLD_CONNECTION_STRING, COLD_ACCOUNT_URL, false);
        String sourceContainer = container(env, SOURCE_CONTAINER, "");
        String coldContainer = container(env, COLD_CONTAINER, DEFAULT_COLD_CONTAINER);
        if (source.blobEndpoint().equals(cold.blobEndpoint()) && coldContainer.equals(sourceContainer)) {
            throw new ConfigException(COLD_CONTAINER, "'" + coldContainer + "' is the source container itself");
        }
        return new EcalConfig(db, source, sourceContainer, cold, coldContainer,
                identifier(env, TABLE, MigrationInput.DEFAULT_TABLE),
                identifier(env, LEDGER_TABLE, DEFAULT_LEDGER_TABLE),
                tier(env),
                env.bool(DELETE_SOURCE, true),
                Duration.ofSeconds(env.longValue(COPY_DEADLINE_SECONDS, MigrationInput.DEFAULT_COPY_DEADLINE_SECONDS,
                        60, Duration.ofDays(7).toSeconds())),
                Duration.ofSeconds(env.longValue(SAS_LIFETIME_SECONDS, MigrationInput.DEFAULT_SAS_LIFETIME_SECONDS,
                        300, Duration.ofDays(7).toSeconds())),
                env.integer(MAX_PARALLEL_RECORDS, MigrationInput.DEFAULT_MAX_PARALLEL_RECORDS, 1, 64),
                env.integer(WAVE_SIZE, MigrationInput.DEFAULT_WAVE_SIZE, 1, 1000));
    }

    /** Source and cold locations, for URL checks. */
    public EcalLocations locations() {
        return new EcalLocations(ContainerLocation.of(source.blobEndpoint(), sourceContainer),
                ContainerLocation.of(cold.blobEndpoint(), coldContainer));
    }

    /** {@code input} with this configuration's orchestration settings (deadlines, parallelism, table). */
    public MigrationInput tune(MigrationInput input) {
        return input.withCopyDeadline(copyDeadline).withSasLifetime(sasLifetime)
                .withParallelism(maxParallelRecords, waveSize).withTable(ecalTable.toString());
    }

    private static String container(Env env, String variable, String defaultValue) {
        String v = env.string(variable, defaultValue);
        if (v.isEmpty()) {
            return v;
        }
        try {
            return ContainerLocation.of("https://x.blob.core.windows.net", v).container();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, e.getMessage());
        }
    }

    private static SqlIdentifier identifier(Env env, String variable, String defaultValue) {
        try {
            return SqlIdentifier.of(env.string(variable, defaultValue));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable, e.getMessage());
        }
    }

    private static String tier(Env env) {
        String v = env.string(TIER, "");
        if (v.isEmpty()) {
            return v;
        }
        for (String t : TIERS) {
            if (t.equalsIgnoreCase(v)) {
                return t;
            }
        }
        throw new ConfigException(TIER, "'" + v + "' is not one of " + String.join(", ", TIERS)
                + " (or empty for the account default)");
    }
}
