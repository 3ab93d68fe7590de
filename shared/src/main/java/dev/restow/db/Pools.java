package dev.restow.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the one connection pool a container needs. RDS-Proxy-safe: no session state is ever
 * created (no {@code SET}, no server-prepared statements: {@code prepareThreshold=0}); timeouts
 * are enforced by the driver ({@code connectTimeout}, {@code socketTimeout}) and per statement
 * with {@link java.sql.Statement#setQueryTimeout(int)} (see {@link Sql}).
 */
public final class Pools {
    private Pools() {
    }

    public static HikariDataSource create(DbSettings settings, String poolName) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(poolName);
        c.setJdbcUrl(settings.jdbcUrl());
        c.setUsername(settings.user());
        c.setPassword(settings.password().reveal());
        c.setMaximumPoolSize(settings.poolSize());
        c.setMinimumIdle(0);
        c.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        c.setValidationTimeout(Math.max(250, Math.min(5000, settings.connectTimeout().toMillis())));
        c.setIdleTimeout(60_000);
        c.setMaxLifetime(10 * 60_000);
        c.setInitializationFailTimeout(-1); // do not connect at construction: fail on first use with a clear error
        c.setAutoCommit(true);
        long connectSeconds = Math.max(1, settings.connectTimeout().toSeconds());
        c.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
        c.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
        // socket timeout above the statement timeout so the client-side cancel fires first
        c.addDataSourceProperty("socketTimeout", Long.toString(settings.statementTimeout().toSeconds() + 30));
        c.addDataSourceProperty("prepareThreshold", "0");
        c.addDataSourceProperty("preparedStatementCacheQueries", "0");
        c.addDataSourceProperty("ApplicationName", poolName);
        c.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(c);
    }
}
