package dev.restow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on {@code 127.0.0.1} and a random free port, for tests and the CLI demo.
 *
 * <p>By default the server is zonky's embedded PostgreSQL (PG 18 binaries from Maven; as root it runs inside
 * {@code unshare -U}). When zonky cannot start, or when the system property {@code restow.postgres.engine} is
 * {@code debian}, the Debian server under {@code /usr/lib/postgresql/<n>/bin} is used instead (see
 * {@link DebianPostgres}).
 *
 * <p>Tests isolate by database, not by server: share one server per JVM with {@link #shared()} and call
 * {@link #createDatabase()} for each test class or test.
 *
 * <pre>{@code
 * LocalPostgres pg = LocalPostgres.shared();
 * String db = pg.createDatabase();
 * try (Connection c = pg.dataSource(db).getConnection()) { ... }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {

    /** System property choosing the engine: {@code zonky} (default, falls back to Debian) or {@code debian}. */
    public static final String ENGINE_PROPERTY = "restow.postgres.engine";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final SharedServer<LocalPostgres> SHARED =
            new SharedServer<>("PostgreSQL", LocalPostgres::start, LocalPostgres::stop);
    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private final Engine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPostgres(Engine engine) {
        this.engine = engine;
    }

    /**
     * Returns the JVM-wide server, starting it on first use; a shutdown hook stops it when the JVM exits.
     *
     * @return the shared server; never closed by callers (closing it is a no-op)
     */
    public static LocalPostgres shared() {
        return SHARED.get();
    }

    /**
     * Starts a private server; the caller closes it.
     *
     * @return a running server
     * @throws UncheckedIOException when no PostgreSQL engine can be started
     */
    public static LocalPostgres start() {
        return start(System.getProperty(ENGINE_PROPERTY, "zonky"));
    }

    static LocalPostgres start(String engineChoice) {
        QuietLogs.apply();
        long started = System.nanoTime();
        Engine engine = startEngine(engineChoice);
        LocalPostgres pg = new LocalPostgres(engine);
        pg.setPassword();
        LOG.info("PostgreSQL ({}) listening on {}:{} after {} ms", engine.name(), HOST, engine.port(),
                (System.nanoTime() - started) / 1_000_000);
        return pg;
    }

    private static Engine startEngine(String choice) {
        if ("debian".equals(choice)) {
            return DebianPostgres.start(HOST);
        }
        if (!"zonky".equals(choice)) {
            throw new IllegalArgumentException(
                    ENGINE_PROPERTY + " must be 'zonky' or 'debian' but was '" + choice + "'");
        }
        try {
            return ZonkyEngine.start();
        } catch (IOException | RuntimeException zonkyFailure) {
            LOG.warn("zonky embedded PostgreSQL did not start ({}); falling back to the Debian server",
                    zonkyFailure.toString());
            try {
                return DebianPostgres.start(HOST);
            } catch (RuntimeException debianFailure) {
                debianFailure.addSuppressed(zonkyFailure);
                throw debianFailure;
            }
        }
    }

    private void setPassword() {
        // The server trusts loopback connections; a password is set anyway so that libpq URLs and tools that
        // insist on one (or a pg_hba.conf switched to scram) work unchanged.
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of user " + USER + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a fresh database with a unique name ({@code restow_<n>_<pid>_<random>}).
     *
     * @return the new database's name
     */
    public String createDatabase() {
        String name = "restow_" + DATABASE_COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_"
                + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        createDatabase(name);
        return name;
    }

    /**
     * Creates a database with the given name.
     *
     * @param name lower-case letters, digits and underscores, at most 63 characters
     * @throws IllegalArgumentException when the name is not a plain lower-case identifier
     * @throws IllegalStateException when the server refuses (for example the database exists)
     */
    public void createDatabase(String name) {
        Objects.requireNonNull(name, "name");
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME.pattern() + " but was '"
                    + name + "'");
        }
        requireOpen();
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        LOG.debug("created database {}", name);
    }

    /** @return a JDBC URL for the database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/db} */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + Objects.requireNonNull(db, "db");
    }

    /** @return a libpq connection URI, {@code postgresql://user:pass@127.0.0.1:port/db} */
    public String libpqUrl(String db) {
        return "postgresql://" + USER + ":" + PASSWORD + "@" + HOST + ":" + port() + "/"
                + Objects.requireNonNull(db, "db");
    }

    /** @return the superuser's name */
    public String user() {
        return USER;
    }

    /** @return the superuser's password */
    public String password() {
        return PASSWORD;
    }

    /** @return the loopback host the server listens on, {@code 127.0.0.1} */
    public String host() {
        return HOST;
    }

    /** @return which engine runs the server, e.g. {@code zonky embedded} or {@code Debian 15} */
    public String engineName() {
        return engine.name();
    }

    /** @return the TCP port the server listens on */
    public int port() {
        return engine.port();
    }

    /**
     * Returns a simple unpooled data source (one new connection per {@code getConnection()}).
     *
     * @param db database name
     * @return a data source for the superuser
     */
    public DataSource dataSource(String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(Objects.requireNonNull(db, "db"));
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        ds.setConnectTimeout(10);
        return ds;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("LocalPostgres on port " + port() + " is closed");
        }
    }

    /** Stops the server and deletes its data directory. A no-op for {@link #shared()}. */
    @Override
    public void close() {
        if (SHARED.is(this)) {
            return;
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
            LOG.info("PostgreSQL on port {} stopped", engine.port());
        }
    }

    /** A running server process. */
    interface Engine extends AutoCloseable {
        String name();

        int port();

        @Override
        void close();
    }

    private static final class ZonkyEngine implements Engine {
        private final EmbeddedPostgres pg;

        private ZonkyEngine(EmbeddedPostgres pg) {
            this.pg = pg;
        }

        static ZonkyEngine start() throws IOException {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .setRegisterShutdownHook(true)
                    .setCleanDataDirectory(true)
                    .start();
            return new ZonkyEngine(pg);
        }

        @Override
        public String name() {
            return "zonky embedded";
        }

        @Override
        public int port() {
            return pg.getPort();
        }

        @Override
        public void close() {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL on port " + port(), e);
            }
        }
    }
}
