package com.beershop.reco.schema;

import javax.sql.DataSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/**
 * One run at a time: a database lock held on a connection of its own for the whole run, so two runs can never
 * stage or publish over each other, whichever pods or machines they run on. A process that dies loses its session
 * and the database drops the lock with it, so a killed run never blocks the next one.
 *
 * <ul>
 *   <li>SQL Server: {@code sp_getapplock} on {@link #NAME}, exclusive, owned by the session, no wait.</li>
 *   <li>PostgreSQL: {@code pg_try_advisory_lock(}{@link #POSTGRES_KEY}{@code )}, a session-level advisory lock.</li>
 *   <li>H2 (no advisory locks): the row of {@code reco_run_lock} (migration V4) held with
 *       {@code SELECT ... FOR UPDATE} in a transaction left open, with a short lock timeout.</li>
 * </ul>
 *
 * <p>The connection comes from the pool and goes back to it on {@link #close()}, so the lock is released
 * explicitly; the pool closes at the end of the process anyway.
 */
public final class RunLock implements AutoCloseable {

    /** The lock's name: SQL Server's application-lock resource and the key of H2's lock row. */
    public static final String NAME = "beer-reco-batch";
    /** PostgreSQL's advisory-lock key: "beer-rec" in ASCII, so {@code pg_locks} shows the same number every time. */
    public static final long POSTGRES_KEY = 0x626565722d726563L;

    private final Connection connection;
    private final VendorLock vendorLock;

    private RunLock(Connection connection, VendorLock vendorLock) {
        this.connection = connection;
        this.vendorLock = vendorLock;
    }

    /**
     * Takes the lock if no other run holds it. Waits at most {@code h2LockTimeout} on H2 and not at all elsewhere.
     *
     * @return the held lock, or empty when another run holds it
     */
    public static Optional<RunLock> tryAcquire(DataSource dataSource, Duration h2LockTimeout) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            DatabaseVendor vendor = DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName());
            VendorLock lock = forVendor(vendor, h2LockTimeout);
            if (lock.tryLock(connection)) {
                return Optional.of(new RunLock(connection, lock));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** The vendor switch; package-private so a test can pin which mechanism each vendor gets. */
    static VendorLock forVendor(DatabaseVendor vendor, Duration h2LockTimeout) {
        return switch (vendor) {
            case SQLSERVER -> new SqlServerAppLock();
            case POSTGRESQL -> new PostgresAdvisoryLock();
            case H2 -> new H2RowLock(h2LockTimeout);
        };
    }

    /** Releases the lock and gives the connection back. */
    @Override
    public void close() throws SQLException {
        try {
            vendorLock.unlock(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
        connection.close();
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** How one database takes and releases the lock on a given connection. */
    sealed interface VendorLock permits SqlServerAppLock, PostgresAdvisoryLock, H2RowLock {

        boolean tryLock(Connection connection) throws SQLException;

        void unlock(Connection connection) throws SQLException;
    }

    /** sp_getapplock returns 0 or 1 when granted, -1 on timeout (held elsewhere), below that on errors. */
    static final class SqlServerAppLock implements VendorLock {

        /** Parameters in sp_getapplock's order: @Resource, @LockMode, @LockOwner, @LockTimeout (ms, 0: no wait). */
        static final String LOCK = "{? = call sp_getapplock(?, ?, ?, ?)}";
        /** @Resource, @LockOwner. */
        static final String UNLOCK = "{? = call sp_releaseapplock(?, ?)}";

        @Override
        public boolean tryLock(Connection connection) throws SQLException {
            int result = call(connection, LOCK, NAME, "Exclusive", "Session", 0);
            if (result < -1) {
                throw new SQLException("sp_getapplock('" + NAME + "') failed with " + result);
            }
            return result >= 0;
        }

        @Override
        public void unlock(Connection connection) throws SQLException {
            int result = call(connection, UNLOCK, NAME, "Session");
            if (result != 0) {
                throw new SQLException("sp_releaseapplock('" + NAME + "') failed with " + result);
            }
        }

        private static int call(Connection connection, String sql, Object... arguments) throws SQLException {
            try (CallableStatement call = connection.prepareCall(sql)) {
                call.registerOutParameter(1, Types.INTEGER);
                for (int i = 0; i < arguments.length; i++) {
                    call.setObject(i + 2, arguments[i]);
                }
                call.execute();
                return call.getInt(1);
            }
        }
    }

    static final class PostgresAdvisoryLock implements VendorLock {

        static final String LOCK = "SELECT pg_try_advisory_lock(?)";
        static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

        @Override
        public boolean tryLock(Connection connection) throws SQLException {
            return booleanOf(connection, LOCK);
        }

        @Override
        public void unlock(Connection connection) throws SQLException {
            if (!booleanOf(connection, UNLOCK)) {
                throw new SQLException("pg_advisory_unlock(" + POSTGRES_KEY + "): this session did not hold it");
            }
        }

        private static boolean booleanOf(Connection connection, String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, POSTGRES_KEY);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }
    }

    /** The lock row stays locked as long as the transaction that selected it FOR UPDATE stays open. */
    static final class H2RowLock implements VendorLock {

        static final String LOCK = "SELECT lock_name FROM reco_run_lock WHERE lock_name = ? FOR UPDATE";
        /** H2's error code for "Timeout trying to lock table": another session holds the row. */
        static final int LOCK_TIMEOUT_ERROR = 50200;

        private final Duration lockTimeout;
        private int previousTimeoutMillis;

        H2RowLock(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        @Override
        public boolean tryLock(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
                rs.next();
                previousTimeoutMillis = rs.getInt(1);
            }
            setLockTimeout(connection, lockTimeout.toMillis());
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(LOCK)) {
                select.setString(1, NAME);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("reco_run_lock has no row '" + NAME + "': run the 'migrate' mode");
                    }
                }
                return true;
            } catch (SQLException e) {
                unlock(connection);
                if (e.getErrorCode() == LOCK_TIMEOUT_ERROR) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        public void unlock(Connection connection) throws SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
            setLockTimeout(connection, previousTimeoutMillis);
        }

        private static void setLockTimeout(Connection connection, long millis) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT " + millis);
            }
        }
    }
}
