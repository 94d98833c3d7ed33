package com.beershop.reco.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * H2 in {@code MODE=MSSQLServer}, the stand-in for SQL Server in tests and local runs: SQL Server's statements
 * wherever H2 runs them, H2's own where it cannot. H2 has no {@code sys.*} views, no {@code HAS_PERMS_BY_NAME},
 * no {@code @@LOCK_TIMEOUT}; it is multi-version (readers never wait for the publish), compares strings exactly and
 * has no transaction log that a publish could fill, so it keeps {@link DatabaseDialect}'s "not applicable" answers.
 * It has no TABLESAMPLE either (the parallel load's range boundaries are always the exact tiles), and its run lock
 * connects with the pool's URL as it is (mssql-jdbc's connectRetryCount would be refused).
 */
public final class H2Dialect implements DatabaseDialect {

    static final H2Dialect INSTANCE = new H2Dialect();
    private static final SqlServerDialect SQL_SERVER = SqlServerDialect.INSTANCE;

    @Override
    public DatabaseVendor vendor() {
        return DatabaseVendor.H2;
    }

    /** SQL Server's SET LOCK_TIMEOUT, which H2 runs as it is. */
    @Override
    public String setLockTimeout(Duration timeout) {
        return SQL_SERVER.setLockTimeout(timeout);
    }

    @Override
    public Optional<String> sessionLockTimeout() {
        return Optional.of("SELECT LOCK_TIMEOUT()");
    }

    /**
     * An admin may do anything; anyone else needs a grant to them or to PUBLIC (grants through roles are not
     * followed: H2 users are a test and local affair).
     */
    @Override
    public String tablePrivilege() {
        return """
                SELECT CASE
                         WHEN NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES t
                                          WHERE UPPER(t.TABLE_NAME) = UPPER(q.tbl)
                                             OR UPPER(t.TABLE_SCHEMA || '.' || t.TABLE_NAME) = UPPER(q.tbl)) THEN NULL
                         WHEN (SELECT u.IS_ADMIN FROM INFORMATION_SCHEMA.USERS u WHERE u.USER_NAME = CURRENT_USER) THEN TRUE
                         ELSE EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_PRIVILEGES p
                                      WHERE (UPPER(p.TABLE_NAME) = UPPER(q.tbl)
                                             OR UPPER(p.TABLE_SCHEMA || '.' || p.TABLE_NAME) = UPPER(q.tbl))
                                        AND p.PRIVILEGE_TYPE = UPPER(q.priv)
                                        AND p.GRANTEE IN (CURRENT_USER, 'PUBLIC'))
                       END
                  FROM (SELECT CAST(? AS VARCHAR) AS tbl, CAST(? AS VARCHAR) AS priv) q
                """;
    }

    /** SQL Server's CAST of a bound id, which H2 runs as it is. */
    @Override
    public String idParameter(String columnType, int length) {
        return SQL_SERVER.idParameter(columnType, length);
    }

    /** H2 keeps no privileges on sequences: one that exists may be used by anyone who may use the schema. */
    @Override
    public String sequencePrivilege() {
        return """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES s
                                          WHERE UPPER(s.SEQUENCE_NAME) = UPPER(CAST(? AS VARCHAR))) THEN TRUE END
                """;
    }

    /** SQL Server's name for it: H2 keeps no privileges on sequences, so nothing there asks. */
    @Override
    public String sequencePrivilegeName() {
        return SQL_SERVER.sequencePrivilegeName();
    }

    @Override
    public List<TransactionMeasure> publishMeasures() {
        return List.of(TransactionMeasure.notMeasurable("transaction log", "not measurable on H2"),
                TransactionMeasure.notMeasurable("version store", "not measurable on H2"));
    }

    /** H2's NOT_ENOUGH_RIGHTS_1. */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        return e.getErrorCode() == 90096;
    }

    // ---- The run lock (RunLock, RunLocks): H2 has no application or advisory locks, so the lock's connection
    // holds the row of reco_run_lock (migration V4) with SELECT ... FOR UPDATE in a transaction it leaves open.
    // Kept apart from the statements above. ----

    static final String LOCK_TABLE_EXISTS =
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'RECO_RUN_LOCK'";
    static final String LOCK_ROW = "SELECT lock_name FROM reco_run_lock WHERE lock_name = ? FOR UPDATE";
    /** H2's error code for "Timeout trying to lock table": another session holds the row. */
    static final int LOCK_TIMEOUT_ERROR = 50200;

    @Override
    public RunLockMechanism runLock(Duration wait) {
        return new RowLock(wait);
    }

    /** The row stays locked as long as the transaction that selected it FOR UPDATE stays open. */
    static final class RowLock implements RunLockMechanism {

        private final Duration wait;

        RowLock(Duration wait) {
            this.wait = wait;
        }

        @Override
        public boolean inPlace(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(LOCK_TABLE_EXISTS)) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }

        @Override
        public boolean tryLock(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT " + wait.toMillis());
            }
            connection.setAutoCommit(false);
            try {
                return selectRow(connection);
            } catch (SQLException e) {
                connection.rollback();
                if (e.getErrorCode() == LOCK_TIMEOUT_ERROR) {
                    return false;
                }
                throw e;
            }
        }

        /** Selecting the row again in the same open transaction answers at once while the row is still ours. */
        @Override
        public boolean isHeld(Connection connection) throws SQLException {
            return !connection.getAutoCommit() && selectRow(connection);
        }

        @Override
        public void unlock(Connection connection) throws SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
        }

        private static boolean selectRow(Connection connection) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(LOCK_ROW)) {
                select.setString(1, RunLock.NAME);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("reco_run_lock has no row '" + RunLock.NAME + "': run the 'migrate' mode");
                    }
                    return true;
                }
            }
        }
    }
}
