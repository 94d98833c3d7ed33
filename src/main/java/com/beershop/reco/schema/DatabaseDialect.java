package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;
import org.springframework.jdbc.core.JdbcOperations;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every statement whose text differs between the databases the job supports, in one place per vendor:
 * {@link SqlServerDialect}, {@link PostgresDialect}, and {@link H2Dialect} (SQL Server's statements where H2 in
 * {@code MODE=MSSQLServer} runs them). Statements that every vendor runs alike (the publish's DELETE and
 * INSERT ... SELECT, the staging and run-history statements) stay next to the code that runs them.
 *
 * <p>The defaults here answer the questions that only SQL Server needs asked ("not applicable": empty, exact ids,
 * no table sample, no shared snapshot). A multi-version database with exact string comparison and no transaction
 * log that a publish could fill, as PostgreSQL and H2 are, keeps them; {@link SqlServerDialect} overrides them.
 *
 * <p>What H2 cannot run (the {@code sys.*} views, {@code HAS_PERMS_BY_NAME}, {@code @@LOCK_TIMEOUT}) is never
 * executed by the test suite; {@code DatabaseDialectTest} pins which dialect each vendor gets and what it answers.
 */
public interface DatabaseDialect {

    DatabaseVendor vendor();

    static DatabaseDialect of(DatabaseVendor vendor) {
        return switch (vendor) {
            case SQLSERVER -> SqlServerDialect.INSTANCE;
            case H2 -> H2Dialect.INSTANCE;
            case POSTGRESQL -> PostgresDialect.INSTANCE;
        };
    }

    /**
     * Bounds how long the statements that follow wait for a lock. Run inside the publish's transaction.
     */
    String setLockTimeout(Duration timeout);

    /**
     * Reads the session's lock timeout in milliseconds, so it can be put back after the publish; empty where the
     * setting ends with the transaction by itself ({@code SET LOCAL} on PostgreSQL).
     */
    Optional<String> sessionLockTimeout();

    /**
     * One row, one column: whether the login may use {@code privilege} (SELECT, INSERT, UPDATE, DELETE) on a table;
     * NULL when the table does not exist. Parameters: table (optionally schema.table), privilege.
     */
    String tablePrivilege();

    /**
     * One row, one column: 1 when readers of the live table see the last committed rows instead of waiting for the
     * publish (SQL Server's READ_COMMITTED_SNAPSHOT). Empty where readers never wait for writers (MVCC).
     */
    default Optional<String> readCommittedSnapshot() {
        return Optional.empty();
    }

    /**
     * One row, one column: the collation of a character column. Parameters: table, column. Empty where the
     * database compares strings exactly, whatever the column's collation.
     */
    default Optional<String> columnCollation() {
        return Optional.empty();
    }

    /**
     * One row, one column: the collation under which the database compares this column with a column of another
     * table, or NULL where the column's collation gives way to the other side's. Two columns whose answers are both
     * non-NULL and differ cannot be compared with {@code =}: the statement fails (SQL Server's Msg 468, "Cannot
     * resolve the collation conflict"; PostgreSQL's "could not determine which collation to use for string
     * comparison"). Parameters: table, column. Empty where any two columns compare without a conflict.
     */
    default Optional<String> comparisonCollation() {
        return Optional.empty();
    }

    /**
     * How the database compares two ids in a column with this collation (null: the database's default); exactly,
     * by default.
     */
    default IdPolicy idPolicyFor(String collation) {
        return IdPolicy.EXACT;
    }

    /** How the database compares the ids of {@code table.column}, from the column's collation where it matters. */
    default IdPolicy idPolicyOf(JdbcOperations jdbc, String table, String column) {
        String collation = columnCollation()
                .map(sql -> jdbc.query(sql, rs -> rs.next() ? rs.getString(1) : null, table, column))
                .orElse(null);
        return idPolicyFor(collation);
    }

    /**
     * One row: total_bytes, used_bytes (null where not measurable), unlimited (1 when the log may grow until the disk
     * is full), max_bytes (the most the log files may grow to), row_bytes (average bytes of a live row, null when the
     * table is empty), indexes (B-trees that every published row is written to), row_versions (1 when the publish's
     * deleted rows are kept as versions in tempdb). Parameters: live table, three times. Empty where the database has
     * no transaction log that a long publish can fill.
     */
    default Optional<String> transactionLogSpace() {
        return Optional.empty();
    }

    /**
     * Brings the planner's statistics of the job's own {@code table} up to date, so the publish's comparisons are
     * planned for the rows just staged. Empty where the database does it without being asked: SQL Server, with
     * AUTO_UPDATE_STATISTICS on (its default), updates them when a query compiles after 500 rows and a fifth of the
     * table changed (fewer on a large table from compatibility level 130), which a night's staging of a whole
     * generation exceeds; and UPDATE STATISTICS would need ALTER on the table, which the nightly login need not
     * have. Run outside the publish's transaction: it reads a sample, it writes no row.
     */
    default Optional<String> refreshStatistics(String table) {
        return Optional.empty();
    }

    /**
     * One row, one column: true when the login may run {@link #refreshStatistics} on the table named by the
     * parameter; no row when there is no such table. Empty where {@link #refreshStatistics} is.
     */
    default Optional<String> statisticsPrivilege() {
        return Optional.empty();
    }

    /**
     * One row, one column: 1 when the database lets each reader of a parallel load read in a SNAPSHOT transaction
     * (SQL Server's {@code ALLOW_SNAPSHOT_ISOLATION ON}). Empty where the readers need no such setting.
     */
    default Optional<String> snapshotIsolationState() {
        return Optional.empty();
    }

    /**
     * One row, one column: the id of the coordinator's snapshot, which every reader of a parallel load then imports
     * ({@link #importSnapshot}). Empty where sessions cannot share a snapshot.
     */
    default Optional<String> exportSnapshot() {
        return Optional.empty();
    }

    /** The statement a reader runs first to read the snapshot {@code snapshotId} that {@link #exportSnapshot} gave. */
    default String importSnapshot(String snapshotId) {
        throw new UnsupportedOperationException(vendor() + " cannot import another session's snapshot");
    }

    /**
     * Appended to a table's name, makes a SELECT read about 1 % of its pages, so the parallel load's range
     * boundaries need not sort every distinct user id (that took over 8 minutes at 50 M ratings). "" where the
     * database has none.
     */
    default String tableSample() {
        return "";
    }

    /**
     * One row, one column: 1 when the named table is a local base table, the only source {@link #tableSample()}
     * may read (not a view, synonym or remote table). Parameter: table. Empty where there is no table sample.
     */
    default Optional<String> isLocalBaseTable() {
        return Optional.empty();
    }

    /**
     * How a bound id is written in a predicate on a column of the given type, so the database compares it in the
     * column's own type and collation (and can seek an index on it); {@code ?} where the bound value already is.
     *
     * @param columnType the column's type as the driver names it ({@code varchar}, {@code nvarchar}, ...)
     * @param length the column's declared length in characters
     */
    String idParameter(String columnType, int length);

    /** One row: unlimited (1 when tempdb's data files may grow until the disk is full), max_bytes. Empty: no tempdb. */
    default Optional<String> tempdbSpace() {
        return Optional.empty();
    }

    /** One row, one column: tempdb's allocated bytes; needs {@link #stateViewPermission()}. Empty: no tempdb. */
    default Optional<String> tempdbUsed() {
        return Optional.empty();
    }

    /**
     * One row: permission (the name of the permission that shows the server's state: free tempdb space), granted
     * (1 when the login holds it). Empty where no figure the checks read needs a permission beyond the tables'.
     */
    default Optional<String> stateViewPermission() {
        return Optional.empty();
    }

    /**
     * One row, one column: whether the login may draw numbers from a sequence (Spring Batch's BATCH_*_SEQ); NULL
     * when the sequence does not exist. Parameter: sequence.
     */
    String sequencePrivilege();

    /** The privilege {@link #sequencePrivilege()} asks about, as a GRANT names it. */
    String sequencePrivilegeName();

    /**
     * What the {@code rehearse} mode measures inside the publish's transaction: the transaction log it wrote and
     * the row versions it kept for readers. Read before the DELETE and after the INSERT, each in a savepoint of its
     * own, so a refused query costs the figure and never the rehearsal.
     */
    List<TransactionMeasure> publishMeasures();

    /** True when the database refused a statement because the login lacks a privilege on an object. */
    boolean isPermissionDenied(SQLException e);

    // ---- The run lock (RunLock, RunLocks): one run at a time. Kept apart from the statements above. ----

    /**
     * How this database holds the run lock on a connection of its own.
     *
     * @param wait how long to wait for the lock where waiting is how it is taken (H2's lock row); the others answer
     *             at once
     */
    RunLockMechanism runLock(Duration wait);

    /**
     * The JDBC URL of the run lock's own connection, made from the pool's. Where the driver would silently replace a
     * broken connection with a new session (which holds none of the old session's locks), this URL turns that off,
     * so a lost session shows as a failed statement instead.
     */
    default String runLockUrl(String poolUrl) {
        return poolUrl;
    }
}
