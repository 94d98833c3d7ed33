package com.beershop.reco.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The statements the job sends only to PostgreSQL. It keeps {@link DatabaseDialect}'s "not applicable" answers:
 * MVCC readers see the last committed rows and never wait for the publish; deterministic collations (all but
 * nondeterministic ICU ones) compare ids exactly; and its WAL keeps no undo (checkpoints recycle WAL while the
 * publish is still open, so one large transaction never needs log space for all its rows at once), so there is no
 * transaction log for the checks to size.
 */
public final class PostgresDialect implements DatabaseDialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public DatabaseVendor vendor() {
        return DatabaseVendor.POSTGRESQL;
    }

    /** SET LOCAL: the setting ends with the transaction, so nothing needs putting back. An integer is milliseconds. */
    @Override
    public String setLockTimeout(Duration timeout) {
        return "SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis());
    }

    @Override
    public Optional<String> sessionLockTimeout() {
        return Optional.empty();
    }

    /** to_regclass gives NULL for a missing table where has_table_privilege would raise an error. */
    @Override
    public String tablePrivilege() {
        return """
                SELECT CASE WHEN q.rel IS NULL THEN NULL ELSE has_table_privilege(q.rel, q.priv) END
                  FROM (SELECT to_regclass(CAST(? AS text)) AS rel, CAST(? AS text) AS priv) q
                """;
    }

    /** The coordinator's transaction exports its snapshot; it stays importable while that transaction is open. */
    /**
     * PostgreSQL's autovacuum analyses a table some time after it changed, never within the run: until then the
     * planner takes the 2,000,000 rows just staged for one, and joins them with 2,000,000 index probes (3.5 s at
     * benchmark L, 1.8 s with the hash join it plans once it knows; the ANALYZE costs 0.3 s). A login that does
     * not own the table gets a warning, not an error, and the old statistics.
     */
    @Override
    public Optional<String> refreshStatistics(String table) {
        return Optional.of("ANALYZE " + table);
    }

    /**
     * ANALYZE is the table's owner's, the database's owner's or a superuser's (a member of either role counts), and
     * from PostgreSQL 17 also a holder of MAINTAIN on it, a privilege older servers do not know (hence the CASE).
     */
    @Override
    public Optional<String> statisticsPrivilege() {
        return Optional.of("""
                SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                    OR pg_has_role(current_user, c.relowner, 'USAGE')
                    OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()),
                                   'USAGE')
                    OR CASE WHEN current_setting('server_version_num')::int >= 170000
                            THEN has_table_privilege(c.oid, 'MAINTAIN') ELSE false END
                FROM pg_class c WHERE c.oid = to_regclass(?)""");
    }

    @Override
    public Optional<String> exportSnapshot() {
        return Optional.of("SELECT pg_export_snapshot()");
    }

    /** Must be the first statement of a REPEATABLE READ transaction; the id comes from the server, never a user. */
    @Override
    public String importSnapshot(String snapshotId) {
        return "SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "''") + "'";
    }

    @Override
    public String tableSample() {
        return " TABLESAMPLE SYSTEM (1) REPEATABLE (42)";
    }

    /** TABLESAMPLE reads tables, partitioned tables and materialized views; not views or foreign tables. */
    @Override
    public Optional<String> isLocalBaseTable() {
        return Optional.of("""
                SELECT CASE WHEN c.relkind IN ('r', 'p', 'm') THEN 1 ELSE 0 END
                  FROM pg_class c WHERE c.oid = to_regclass(CAST(? AS text))
                """);
    }

    /**
     * A column with the database's default collation gives way to the other side's collation (NULL); two columns
     * with different non-default collations make the comparison's collation indeterminate, and {@code =} fails
     * with "could not determine which collation to use for string comparison" (or "... string hashing" under a
     * hash join), even between two byte-wise ones such as "C" and "POSIX" (measured on PostgreSQL 15;
     * postgresql.org/docs/current/collation.html, "conflicting non-default implicit collations"). Named with its
     * schema: two collations of one name in two schemas conflict too. No row (NULL) for a column without a
     * collation.
     */
    @Override
    public Optional<String> comparisonCollation() {
        return Optional.of("""
                SELECT CASE WHEN n.nspname = 'pg_catalog' AND c.collname = 'default' THEN NULL
                            ELSE n.nspname || '.' || c.collname END
                  FROM pg_attribute a
                  JOIN pg_collation c ON c.oid = a.attcollation
                  JOIN pg_namespace n ON n.oid = c.collnamespace
                 WHERE a.attrelid = ?::regclass AND a.attname = lower(?)
                """);
    }

    /** pgjdbc sends a String as varchar, the type of the id columns. */
    @Override
    public String idParameter(String columnType, int length) {
        return "?";
    }

    /** nextval needs USAGE or UPDATE on the sequence; to_regclass gives NULL for a missing one. */
    @Override
    public String sequencePrivilege() {
        return """
                SELECT CASE WHEN q.rel IS NULL THEN NULL
                            ELSE has_sequence_privilege(q.rel, 'USAGE') OR has_sequence_privilege(q.rel, 'UPDATE') END
                  FROM (SELECT to_regclass(CAST(? AS text)) AS rel) q
                """;
    }

    @Override
    public String sequencePrivilegeName() {
        return "USAGE";
    }

    /**
     * The WAL insert position in bytes (pg_current_wal_insert_lsn, callable by any login): the difference is the WAL
     * the whole server wrote during the publish, this transaction's and any other session's. PostgreSQL has no
     * version store: a deleted row's old version stays in the table as a dead tuple until VACUUM.
     */
    @Override
    public List<TransactionMeasure> publishMeasures() {
        return List.of(
                new TransactionMeasure("transaction log",
                        "SELECT CAST(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0') AS BIGINT)", "EXECUTE on"
                        + " pg_current_wal_insert_lsn", "WAL the whole server wrote meanwhile, this transaction's"
                        + " and any other session's"),
                TransactionMeasure.notMeasurable("version store", "none on PostgreSQL: the deleted rows stay in"
                        + " the table as dead tuples until VACUUM"));
    }

    /** SQLSTATE 42501, insufficient_privilege. */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        return "42501".equals(e.getSQLState());
    }

    // ---- The run lock (RunLock, RunLocks): a session-level advisory lock on the lock's own connection, taken
    // without waiting. Kept apart from the statements above. ----

    static final String TRY_ADVISORY_LOCK = "SELECT pg_try_advisory_lock(?)";
    static final String ADVISORY_UNLOCK = "SELECT pg_advisory_unlock(?)";
    /**
     * Whether this backend holds the lock: pg_locks shows a bigint key as classid (high half), objid (low half),
     * objsubid 1. pg_locks needs no grant.
     */
    static final String ADVISORY_LOCK_HELD = """
            SELECT EXISTS (SELECT 1 FROM pg_locks
                            WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objsubid = 1
                              AND (CAST(classid AS bigint) << 32) + CAST(objid AS bigint) = ?)
            """;

    /**
     * "reco" in ASCII: the first key of the two-key advisory lock a run's process holds while it runs a job
     * execution (the second key is the execution's id); pg_locks shows it as classid, objid, objsubid 2.
     */
    static final int EXECUTION_KEY = 0x7265636f;
    static final String TRY_EXECUTION_LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    static final String EXECUTION_LOCK_HELD = """
            SELECT EXISTS (SELECT 1 FROM pg_locks
                            WHERE locktype = 'advisory' AND granted AND objsubid = 2
                              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                              AND CAST(classid AS bigint) = ? AND CAST(objid AS bigint) = ?)
            """;

    @Override
    public RunLockMechanism runLock(Duration wait) {
        return new AdvisoryLock();
    }

    static final class AdvisoryLock implements RunLockMechanism {

        @Override
        public boolean tryLock(Connection connection) throws SQLException {
            return booleanOf(connection, TRY_ADVISORY_LOCK);
        }

        @Override
        public boolean isHeld(Connection connection) throws SQLException {
            return booleanOf(connection, ADVISORY_LOCK_HELD);
        }

        @Override
        public boolean claimExecution(Connection connection, long executionId) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(TRY_EXECUTION_LOCK)) {
                statement.setInt(1, EXECUTION_KEY);
                statement.setInt(2, (int) executionId);
                return answer(statement);
            }
        }

        @Override
        public boolean executionClaimed(Connection connection, long executionId) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(EXECUTION_LOCK_HELD)) {
                statement.setLong(1, EXECUTION_KEY);
                statement.setLong(2, Integer.toUnsignedLong((int) executionId));
                return answer(statement);
            }
        }

        @Override
        public void unlock(Connection connection) throws SQLException {
            if (!booleanOf(connection, ADVISORY_UNLOCK)) {
                throw new SQLException("pg_advisory_unlock(" + RunLock.POSTGRES_KEY + "): this session did not hold it");
            }
        }

        private static boolean booleanOf(Connection connection, String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, RunLock.POSTGRES_KEY);
                return answer(statement);
            }
        }

        private static boolean answer(PreparedStatement statement) throws SQLException {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
