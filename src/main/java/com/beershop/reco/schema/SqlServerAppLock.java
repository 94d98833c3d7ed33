package com.beershop.reco.schema;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The SQL Server run lock: an exclusive application lock owned by the session of the lock's own connection, taken
 * without waiting. The return codes of sp_getapplock decide, never an exception alone.
 */
final class SqlServerAppLock implements RunLockMechanism {

    /**
     * sp_getapplock(@Resource, @LockMode, @LockOwner, @LockTimeout in ms): 0 granted at once, 1 granted after a wait,
     * -1 timed out (another session holds it), -2 cancelled, -3 deadlock victim, -999 a bad call. Needs no grant
     * beyond public (learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-getapplock-transact-sql).
     */
    static final String GET_APP_LOCK = "{? = call sp_getapplock(?, ?, ?, ?)}";
    /** sp_releaseapplock(@Resource, @LockOwner): 0 released, -999 not held or a bad call. */
    static final String RELEASE_APP_LOCK = "{? = call sp_releaseapplock(?, ?)}";
    /**
     * 'Exclusive' while this session holds the lock, 'NoLock' once it does not; 'public' is sp_getapplock's default
     * @DbPrincipal (learn.microsoft.com/sql/t-sql/functions/applock-mode-transact-sql).
     */
    static final String APP_LOCK_MODE = "SELECT APPLOCK_MODE('public', ?, 'Session')";
    /**
     * 1 when this session could take the lock, 0 when another session holds it: how a run asks whether the process
     * of a job execution left running still lives (it holds the resource {@link #executionResource}).
     */
    static final String APP_LOCK_TEST = "SELECT APPLOCK_TEST('public', ?, 'Exclusive', 'Session')";
    static final String LOCK_MODE = "Exclusive";
    static final String LOCK_OWNER = "Session";

    /** The application-lock resource a run's process holds while it runs job execution {@code executionId}. */
    static String executionResource(long executionId) {
        return RunLock.NAME + "/execution/" + executionId;
    }

    @Override
    public boolean tryLock(Connection connection) throws SQLException {
        return getAppLock(connection, RunLock.NAME);
    }

    @Override
    public boolean claimExecution(Connection connection, long executionId) throws SQLException {
        return getAppLock(connection, executionResource(executionId));
    }

    @Override
    public boolean executionClaimed(Connection connection, long executionId) throws SQLException {
        try (PreparedStatement test = connection.prepareStatement(APP_LOCK_TEST)) {
            test.setString(1, executionResource(executionId));
            try (ResultSet rs = test.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0;
            }
        }
    }

    private static boolean getAppLock(Connection connection, String resource) throws SQLException {
        int code = call(connection, GET_APP_LOCK, resource, LOCK_MODE, LOCK_OWNER, 0);
        if (code < -1) {
            throw new SQLException("sp_getapplock('" + resource + "') failed with " + code
                    + " (-2 cancelled, -3 deadlock victim, -999 a bad call)");
        }
        return code >= 0;
    }

    @Override
    public boolean isHeld(Connection connection) throws SQLException {
        try (PreparedStatement mode = connection.prepareStatement(APP_LOCK_MODE)) {
            mode.setString(1, RunLock.NAME);
            try (ResultSet rs = mode.executeQuery()) {
                return rs.next() && LOCK_MODE.equalsIgnoreCase(rs.getString(1));
            }
        }
    }

    @Override
    public void unlock(Connection connection) throws SQLException {
        int code = call(connection, RELEASE_APP_LOCK, RunLock.NAME, LOCK_OWNER);
        if (code != 0) {
            throw new SQLException("sp_releaseapplock('" + RunLock.NAME + "') failed with " + code);
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
