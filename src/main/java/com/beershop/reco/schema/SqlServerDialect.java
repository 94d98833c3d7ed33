package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statements the job sends only to SQL Server (InventoryDB in production). H2 in {@code MODE=MSSQLServer} runs
 * {@link #setLockTimeout}, {@link #idParameter} and {@link #sequencePrivilegeName}'s grant; the rest reads SQL
 * Server's catalogue views, which H2 does not have (see {@link H2Dialect}). Sessions cannot share a snapshot on SQL
 * Server (the default {@link #exportSnapshot()}): each reader of a parallel load reads in a SNAPSHOT transaction of
 * its own.
 */
public final class SqlServerDialect implements DatabaseDialect {

    static final SqlServerDialect INSTANCE = new SqlServerDialect();

    @Override
    public DatabaseVendor vendor() {
        return DatabaseVendor.SQLSERVER;
    }

    /** Milliseconds; error 1222 ends the waiting statement, the transaction rolls back. -1 waits forever. */
    @Override
    public String setLockTimeout(Duration timeout) {
        return "SET LOCK_TIMEOUT " + timeout.toMillis();
    }

    /** SET LOCK_TIMEOUT is a session setting that outlives the transaction: read it to put it back. */
    @Override
    public Optional<String> sessionLockTimeout() {
        return Optional.of("SELECT @@LOCK_TIMEOUT");
    }

    /** NULL for a table that does not exist or that the login cannot see at all. */
    @Override
    public String tablePrivilege() {
        return "SELECT HAS_PERMS_BY_NAME(?, 'OBJECT', ?)";
    }

    @Override
    public Optional<String> readCommittedSnapshot() {
        return Optional.of("SELECT CAST(is_read_committed_snapshot_on AS INT) FROM sys.databases WHERE database_id = DB_ID()");
    }

    @Override
    public Optional<String> columnCollation() {
        return Optional.of("SELECT collation_name FROM sys.columns WHERE object_id = OBJECT_ID(?) AND name = ?");
    }

    /**
     * Every character column has a collation of its own, the database's default included, and two columns whose
     * collations differ cannot be compared without a COLLATE clause: two Implicit labels that differ combine to
     * No-collation (learn.microsoft.com/sql/t-sql/statements/collation-precedence-transact-sql), which an equal to
     * operation refuses with Msg 468.
     */
    @Override
    public Optional<String> comparisonCollation() {
        return columnCollation();
    }

    /**
     * SQL Server compares strings as if the shorter were padded with spaces, under every collation; a collation
     * marked {@code _CI} (case-insensitive) ignores case too. A database created with the installer's default
     * ({@code SQL_Latin1_General_CP1_CI_AS}, {@code Latin1_General_CI_AS}) is case-insensitive.
     */
    @Override
    public IdPolicy idPolicyFor(String collation) {
        if (collation == null || collation.toUpperCase(Locale.ROOT).contains("_CI")) {
            return IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES;
        }
        return IdPolicy.IGNORE_TRAILING_SPACES;
    }

    /**
     * Read from the database's own catalog, which every user of it may read: no server-level permission
     * ({@code sys.dm_db_log_space_usage} needs VIEW SERVER STATE, or VIEW SERVER PERFORMANCE STATE from 2022). The
     * log files' size and limit from sys.database_files (8 KB pages; max_size -1, or 268435456 for a log file, is
     * MAXSIZE UNLIMITED: 2 TB, learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-files-transact-sql),
     * their used pages from FILEPROPERTY(name, 'SpaceUsed') (NULL where the login may not see them), the live
     * table's average row bytes and B-trees from sys.partitions, sys.allocation_units and sys.indexes (visible with
     * any permission on the table), and whether readers use row versions (READ_COMMITTED_SNAPSHOT).
     */
    @Override
    public Optional<String> transactionLogSpace() {
        return Optional.of("""
                SELECT (SELECT SUM(CAST(f.size AS BIGINT)) * 8192
                          FROM sys.database_files f WHERE f.type = 1) AS total_bytes,
                       (SELECT SUM(CAST(FILEPROPERTY(f.name, 'SpaceUsed') AS BIGINT)) * 8192
                          FROM sys.database_files f WHERE f.type = 1) AS used_bytes,
                       (SELECT MAX(CASE WHEN f.growth > 0 AND f.max_size IN (-1, 268435456) THEN 1 ELSE 0 END)
                          FROM sys.database_files f WHERE f.type = 1) AS unlimited,
                       (SELECT SUM(CAST(CASE WHEN f.growth = 0 THEN f.size
                                             WHEN f.max_size IN (-1, 268435456) THEN 268435456
                                             ELSE f.max_size END AS BIGINT)) * 8192
                          FROM sys.database_files f WHERE f.type = 1) AS max_bytes,
                       (SELECT SUM(CAST(a.used_pages AS BIGINT)) * 8192
                          FROM sys.partitions p JOIN sys.allocation_units a ON a.container_id = p.partition_id
                         WHERE p.object_id = OBJECT_ID(?) AND p.index_id IN (0, 1))
                       / NULLIF((SELECT SUM(p.rows) FROM sys.partitions p
                                  WHERE p.object_id = OBJECT_ID(?) AND p.index_id IN (0, 1)), 0) AS row_bytes,
                       (SELECT COUNT(*) FROM sys.indexes i WHERE i.object_id = OBJECT_ID(?) AND i.type IN (0, 1, 2)) AS indexes,
                       (SELECT CAST(d.is_read_committed_snapshot_on AS INT)
                          FROM sys.databases d WHERE d.database_id = DB_ID()) AS row_versions
                """);
    }

    /**
     * tempdb's data files, where READ_COMMITTED_SNAPSHOT keeps the old version of every row the publish deletes until
     * it commits: whether they may grow until the disk is full, and the most they may grow to. tempdb's catalog is
     * readable by any login (tempdb's guest user).
     */
    @Override
    public Optional<String> tempdbSpace() {
        return Optional.of("""
                SELECT MAX(CASE WHEN f.growth > 0 AND f.max_size = -1 THEN 1 ELSE 0 END) AS unlimited,
                       SUM(CAST(CASE WHEN f.growth = 0 THEN f.size WHEN f.max_size = -1 THEN f.size
                                     ELSE f.max_size END AS BIGINT)) * 8192 AS max_bytes
                  FROM tempdb.sys.database_files f WHERE f.type = 0
                """);
    }

    /** tempdb's allocated bytes now; needs {@link #stateViewPermission()}. */
    @Override
    public Optional<String> tempdbUsed() {
        return Optional.of("""
                SELECT SUM(CAST(u.total_page_count - u.unallocated_extent_page_count AS BIGINT)) * 8192
                  FROM tempdb.sys.dm_db_file_space_usage u
                """);
    }

    /**
     * The permission that lets the login read the server's state views (tempdb's space, the log's DMV): VIEW SERVER
     * STATE up to SQL Server 2019, VIEW SERVER PERFORMANCE STATE from 2022 (major version 16), VIEW DATABASE STATE on
     * Azure SQL Database (engine edition 5); and whether the login holds it. The job itself never needs it.
     */
    @Override
    public Optional<String> stateViewPermission() {
        return Optional.of("""
                SELECT q.permission,
                       HAS_PERMS_BY_NAME(CASE WHEN q.on_database = 1 THEN DB_NAME() END,
                                         CASE WHEN q.on_database = 1 THEN 'DATABASE' END, q.permission) AS granted
                  FROM (SELECT CASE WHEN CAST(SERVERPROPERTY('EngineEdition') AS INT) = 5 THEN 'VIEW DATABASE STATE'
                                    WHEN CAST(SERVERPROPERTY('ProductMajorVersion') AS INT) >= 16
                                         THEN 'VIEW SERVER PERFORMANCE STATE'
                                    ELSE 'VIEW SERVER STATE' END AS permission,
                               CASE WHEN CAST(SERVERPROPERTY('EngineEdition') AS INT) = 5 THEN 1 ELSE 0 END AS on_database) q
                """);
    }

    /** 1: ALLOW_SNAPSHOT_ISOLATION ON. sys.databases shows the current database to any user of it. */
    @Override
    public Optional<String> snapshotIsolationState() {
        return Optional.of("SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()");
    }

    /** Msg 494 on anything but a local base table: see {@link #isLocalBaseTable()}. */
    @Override
    public String tableSample() {
        return " TABLESAMPLE (1 PERCENT) REPEATABLE (42)";
    }

    /**
     * OBJECTPROPERTY IsUserTable is 1 only for a user table of this database (a view is 'V', a synonym 'SN'); a
     * three- or four-part name gives NULL from OBJECT_ID.
     */
    @Override
    public Optional<String> isLocalBaseTable() {
        return Optional.of("SELECT CASE WHEN OBJECTPROPERTY(OBJECT_ID(?), 'IsUserTable') = 1 THEN 1 ELSE 0 END");
    }

    /**
     * mssql-jdbc sends every String as NVARCHAR while {@code sendStringParametersAsUnicode} is true (its default), even
     * one set with {@code Types.VARCHAR} (learn.microsoft.com/sql/connect/jdbc/reference/setsendstringparametersasunicode-method-sqlserverdatasource):
     * against a VARCHAR column the column is then converted, no index seek is possible, and the comparison follows
     * Unicode rules instead of the column's collation. Cast back to VARCHAR, the bound is compared as the column is.
     */
    @Override
    public String idParameter(String columnType, int length) {
        String type = columnType == null ? "" : columnType.toLowerCase(Locale.ROOT);
        if (type.equals("varchar") || type.equals("char")) {
            return "CAST(? AS VARCHAR(" + (length > 0 && length <= 8000 ? Integer.toString(length) : "MAX") + "))";
        }
        return "?";
    }

    /** NEXT VALUE FOR needs UPDATE on the sequence (learn.microsoft.com/sql/t-sql/functions/next-value-for-transact-sql). */
    @Override
    public String sequencePrivilege() {
        return "SELECT HAS_PERMS_BY_NAME(?, 'OBJECT', 'UPDATE')";
    }

    @Override
    public String sequencePrivilegeName() {
        return "UPDATE";
    }

    /** Both dynamic management views need a server-level permission the run's grants do not include. */
    static final String SERVER_STATE = "VIEW SERVER STATE, or VIEW SERVER PERFORMANCE STATE on SQL Server 2022";

    /**
     * The log bytes this transaction wrote in this database (sys.dm_tran_database_transactions, joined to the
     * session's current transaction), and this database's row versions in tempdb's version store
     * (sys.dm_tran_version_store_space_usage, SQL Server 2017 and later; every session's versions, in KB). Both
     * need {@link #SERVER_STATE}: learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/
     * sys-dm-tran-database-transactions-transact-sql and .../sys-dm-tran-version-store-space-usage.
     */
    @Override
    public List<TransactionMeasure> publishMeasures() {
        return List.of(
                new TransactionMeasure("transaction log", """
                        SELECT COALESCE(SUM(t.database_transaction_log_bytes_used), 0)
                          FROM sys.dm_tran_database_transactions t
                          JOIN sys.dm_tran_current_transaction c ON c.transaction_id = t.transaction_id
                         WHERE t.database_id = DB_ID()""", SERVER_STATE, "written by this transaction"),
                new TransactionMeasure("version store", """
                        SELECT COALESCE(SUM(reserved_space_kb), 0) * 1024
                          FROM sys.dm_tran_version_store_space_usage WHERE database_id = DB_ID()""", SERVER_STATE,
                        "this database's row versions in tempdb, every session's: the deleted rows' old versions"
                                + " stay there until the commit while READ_COMMITTED_SNAPSHOT is ON"));
    }

    /** Error 229: permission denied on an object; 230: on a column (learn.microsoft.com, database engine errors). */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        return e.getErrorCode() == 229 || e.getErrorCode() == 230;
    }

    // ---- The run lock (RunLock, RunLocks): an exclusive application lock owned by the session of the lock's own
    // connection, taken without waiting (SqlServerAppLock). ----

    private static final Pattern CONNECT_RETRY_COUNT = Pattern.compile("(?i);\\s*connectRetryCount\\s*=[^;]*");

    @Override
    public RunLockMechanism runLock(Duration wait) {
        return new SqlServerAppLock();
    }

    /**
     * connectRetryCount=0: mssql-jdbc reconnects a broken idle connection by default (connectRetryCount 1,
     * "idle connection resiliency"), and the new session holds none of the old one's application locks; the lock's
     * connection must fail instead (learn.microsoft.com/sql/connect/jdbc/connection-resiliency). Any value the
     * pool's URL sets is replaced.
     */
    @Override
    public String runLockUrl(String poolUrl) {
        String url = CONNECT_RETRY_COUNT.matcher(poolUrl).replaceAll("");
        return (url.endsWith(";") ? url : url + ";") + "connectRetryCount=0";
    }
}
