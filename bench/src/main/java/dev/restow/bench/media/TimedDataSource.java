package dev.restow.bench.media;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} (the real HikariCP pool) so that every JDBC call made through it is timed: taking and
 * returning connections, commits and rollbacks as {@link Phase#DB_POOL_TX}; statements by their SQL, as
 * {@link Phase#DB_LEDGER} when they name the ledger table and {@link Phase#DB_ROWS} otherwise. Every call adds
 * its time; only executes, commits, rollbacks and taking a connection count as calls. Result sets are not wrapped:
 * pgjdbc has read all rows when {@code executeQuery} returns.
 */
public final class TimedDataSource {
    private TimedDataSource() {
    }

    /**
     * @param ledgerTable the ledger table's name (statements naming it count as ledger time)
     */
    public static DataSource wrap(DataSource ds, PhaseClock clock, String ledgerTable) {
        Objects.requireNonNull(ds, "ds");
        String ledger = ledgerTable.toLowerCase(Locale.ROOT);
        return proxy(DataSource.class, ds, new Timing(ds, clock, ledger, Phase.DB_POOL_TX));
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler h) {
        return type.cast(Proxy.newProxyInstance(TimedDataSource.class.getClassLoader(), new Class<?>[]{type}, h));
    }

    private record Timing(Object target, PhaseClock clock, String ledger, Phase phase) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "timed " + target;
                };
            }
            Phase p = phaseOf(args);
            clock.begin();
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                clock.end(p, isRoundTrip(m.getName()));
            }
            return wrapResult(result, p);
        }

        /** The calls that talk to the server, counted in the report (all calls add their time). */
        private static boolean isRoundTrip(String method) {
            return method.startsWith("execute") || method.equals("getConnection") || method.equals("commit")
                    || method.equals("rollback");
        }

        /** A call carrying SQL text is timed by what the SQL touches; any other by this object's phase. */
        private Phase phaseOf(Object[] args) {
            if (args != null && args.length > 0 && args[0] instanceof String sql) {
                return sql.toLowerCase(Locale.ROOT).contains(ledger) ? Phase.DB_LEDGER : Phase.DB_ROWS;
            }
            return phase;
        }

        private Object wrapResult(Object result, Phase p) {
            if (result instanceof Connection c) {
                return proxy(Connection.class, c, new Timing(c, clock, ledger, Phase.DB_POOL_TX));
            }
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, new Timing(s, clock, ledger, p));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, new Timing(s, clock, ledger, p));
            }
            if (result instanceof Statement s) {
                // createStatement(): each execute(sql) picks its phase from its SQL
                return proxy(Statement.class, s, new Timing(s, clock, ledger, Phase.DB_ROWS));
            }
            return result;
        }
    }
}
