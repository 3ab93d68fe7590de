package dev.restow.db;

import dev.restow.config.ConfigException;
import dev.restow.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to connect to PostgreSQL. Immutable; the password is a {@link Secret} and never
 * shown by {@link #toString()}.
 *
 * @param host             server host
 * @param port             server port
 * @param database         database name
 * @param user             role name
 * @param password         role password (may be empty, e.g. trust or IAM auth)
 * @param params           extra pgjdbc parameters taken from the URL query (e.g. {@code sslmode})
 * @param poolSize         maximum pool size (Lambda: 2)
 * @param connectTimeout   TCP connect and pool checkout timeout
 * @param statementTimeout per-statement timeout, enforced client-side (no {@code SET}: RDS Proxy safe)
 */
public record DbSettings(String host, int port, String database, String user, Secret password,
                         Map<String, String> params, int poolSize, Duration connectTimeout,
                         Duration statementTimeout) {

    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public DbSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        password = password == null ? Secret.empty() : password;
        params = Map.copyOf(params == null ? Map.of() : params);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
        if (host.isBlank()) {
            throw new IllegalArgumentException("database host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port " + port + " is out of range 1..65535");
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("database name is empty");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("database user is empty");
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("pool size " + poolSize + " is out of range 1..100");
        }
    }

    public static DbSettings of(String host, int port, String database, String user, Secret password) {
        return new DbSettings(host, port, database, user, password, Map.of(), 2,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * Parses a libpq connection URI such as {@code postgresql://user:pass@host:5432/db?sslmode=require}
     * (scheme {@code postgres} also accepted). User and password may be percent-encoded.
     *
     * @param variable the variable the URL came from, named in errors
     */
    public static DbSettings parseUrl(String variable, String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException(variable, "is required but not set");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(variable, "is not a valid URL (expected postgresql://user:password@host:5432/dbname)");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new ConfigException(variable, "scheme must be postgresql:// (got '" + scheme + "')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(variable, "has no host (expected postgresql://user:password@host:5432/dbname)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String db = decode(path.startsWith("/") ? path.substring(1) : path);
        if (db.isBlank()) {
            throw new ConfigException(variable, "has no database name (expected postgresql://user:password@host:5432/dbname)");
        }
        String user = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        if (user.isBlank()) {
            throw new ConfigException(variable, "has no user (expected postgresql://user:password@host:5432/dbname)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DbSettings(uri.getHost(), port, db, user, Secret.of(password), params, 2,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public DbSettings withPoolSize(int size) {
        return new DbSettings(host, port, database, user, password, params, size, connectTimeout, statementTimeout);
    }

    public DbSettings withTimeouts(Duration connect, Duration statement) {
        return new DbSettings(host, port, database, user, password, params, poolSize, connect, statement);
    }

    public DbSettings withCredentials(String newUser, Secret newPassword) {
        return new DbSettings(host, port, database, newUser, newPassword, params, poolSize, connectTimeout, statementTimeout);
    }

    /** JDBC URL without credentials. */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(database);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DbSettings[" + user + "@" + host + ":" + port + "/" + database + ", password=" + password
                + ", params=" + params + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
