package dev.restow.config;

import dev.restow.db.DbSettings;
import dev.restow.db.SqlIdentifier;
import dev.restow.ecal.ContainerLocation;
import dev.restow.ecal.EcalLocations;
import dev.restow.ecal.MigrationInput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * How to reach one Azure storage account: a connection string (account key or SAS), or the account
     * URL with a managed identity ({@code DefaultAzureCredential}; read grants then use a user
     * delegation SAS). The connection string is a {@link Secret}; {@link #toString()} never shows it.
     */
    public sealed interface StorageAccess permits StorageAccess.ConnectionString, StorageAccess.ManagedIdentity {

        /** The account's blob endpoint, without credentials (e.g. {@code https://acct.blob.core.windows.net}). */
        String blobEndpoint();

        /**
         * A connection string.
         *
         * @param value        the connection string
         * @param blobEndpoint the blob endpoint it names
         * @param hasAccountKey whether it carries an AccountKey (needed to sign read SAS tokens)
         */
        record ConnectionString(Secret value, String blobEndpoint, boolean hasAccountKey) implements StorageAccess {
            public ConnectionString {
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(blobEndpoint, "blobEndpoint");
            }

            @Override
            public String toString() {
                return "ConnectionString[" + blobEndpoint + ", ****]";
            }
        }

        /**
         * The account URL; credentials come from the managed identity (DefaultAzureCredential).
         *
         * @param blobEndpoint the account's blob endpoint
         */
        record ManagedIdentity(String blobEndpoint) implements StorageAccess {
            public ManagedIdentity {
                Objects.requireNonNull(blobEndpoint, "blobEndpoint");
            }
        }

        /**
         * Reads one account's access from {@code connectionVariable} or, when that is unset,
         * {@code accountUrlVariable}. Errors name the variable, never its value.
         *
         * @param needsSigningKey whether read SAS tokens must be signed with this access (the copy source)
         */
        static StorageAccess load(Env env, String connectionVariable, String accountUrlVariable, boolean needsSigningKey) {
            if (env.get(connectionVariable).isPresent()) {
                StorageAccess.ConnectionString cs = parse(connectionVariable,
                        env.secret(connectionVariable));
                if (needsSigningKey && !cs.hasAccountKey()) {
                    throw new ConfigException(connectionVariable, "has no AccountKey, so read SAS tokens for the copies"
                            + " cannot be signed; use an account-key connection string or set " + accountUrlVariable
                            + " (managed identity) instead");
                }
                return cs;
            }
            String url = env.get(accountUrlVariable).orElseThrow(() -> new ConfigException(connectionVariable,
                    "is required but not set (or set " + accountUrlVariable + " to use the managed identity)"));
            try {
                return new ManagedIdentity(dev.restow.ecal.ContainerLocation.of(url, "").endpoint());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(accountUrlVariable, e.getMessage());
            }
        }

        /**
         * Parses an Azure storage connection string ({@code DefaultEndpointsProtocol=https;AccountName=...;
         * AccountKey=...;EndpointSuffix=core.windows.net}, {@code BlobEndpoint=...;SharedAccessSignature=...}
         * or {@code UseDevelopmentStorage=true}).
         */
        static StorageAccess.ConnectionString parse(String variable, Secret value) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : value.reveal().split(";")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(variable, "is not a storage connection string (expected Key=Value pairs"
                            + " separated by ';')");
                }
                parts.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim());
            }
            if ("true".equalsIgnoreCase(parts.get("usedevelopmentstorage"))) {
                return new ConnectionString(value, "http://127.0.0.1:10000/devstoreaccount1", true);
            }
            boolean key = parts.containsKey("accountkey") && !parts.get("accountkey").isEmpty();
            boolean sas = parts.containsKey("sharedaccesssignature") && !parts.get("sharedaccesssignature").isEmpty();
            if (!key && !sas) {
                throw new ConfigException(variable, "has neither AccountKey nor SharedAccessSignature");
            }
            String endpoint = parts.get("blobendpoint");
            if (endpoint == null || endpoint.isEmpty()) {
                String account = parts.get("accountname");
                if (account == null || account.isEmpty()) {
                    throw new ConfigException(variable, "has neither BlobEndpoint nor AccountName");
                }
                String protocol = parts.getOrDefault("defaultendpointsprotocol", "https");
                String suffix = parts.getOrDefault("endpointsuffix", "core.windows.net");
                endpoint = protocol + "://" + account + ".blob." + suffix;
            }
            try {
                return new ConnectionString(value, dev.restow.ecal.ContainerLocation.of(endpoint, "").endpoint(), key);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(variable, "has a bad BlobEndpoint: " + e.getMessage());
            }
        }
    }
}
