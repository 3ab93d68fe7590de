package dev.restow.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
            StorageAccess.ConnectionString cs = parseConnectionString(connectionVariable,
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
    static StorageAccess.ConnectionString parseConnectionString(String variable, Secret value) {
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
