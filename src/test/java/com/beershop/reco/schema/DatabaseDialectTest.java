package com.beershop.reco.schema;

import com.beershop.reco.ingest.IdPolicy;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each vendor gets its own statements. What H2 and PostgreSQL can run is run here on the real thing; SQL Server's
 * catalogue queries (sys.*, HAS_PERMS_BY_NAME, @@LOCK_TIMEOUT) cannot run on any database on this machine, so for
 * them the dispatch and the answers derived from them are pinned instead.
 */
class DatabaseDialectTest {

    @Test
    void shouldGiveEachVendorItsOwnDialect() {
        assertThat(DatabaseVendor.fromProductName("Microsoft SQL Server").dialect()).isInstanceOf(SqlServerDialect.class)
                .isNotInstanceOf(H2Dialect.class);
        assertThat(DatabaseVendor.fromProductName("H2").dialect()).isInstanceOf(H2Dialect.class);
        assertThat(DatabaseVendor.fromProductName("PostgreSQL").dialect()).isInstanceOf(PostgresDialect.class);
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            assertThat(vendor.dialect().vendor()).isEqualTo(vendor);
        }
    }

    @Test
    void shouldAskSqlServerItselfAboutSnapshotsCollationLogAndGrants() {
        DatabaseDialect sqlServer = DatabaseVendor.SQLSERVER.dialect();

        assertThat(sqlServer.readCommittedSnapshot()).hasValueSatisfying(sql -> assertThat(sql)
                .contains("is_read_committed_snapshot_on", "sys.databases", "DB_ID()"));
        assertThat(sqlServer.columnCollation()).hasValueSatisfying(sql -> assertThat(sql)
                .contains("collation_name", "sys.columns", "OBJECT_ID(?)"));
        assertThat(sqlServer.comparisonCollation()).as("every column's own collation counts")
                .isEqualTo(sqlServer.columnCollation());
        assertThat(sqlServer.transactionLogSpace()).hasValueSatisfying(sql -> assertThat(sql)
                .contains("sys.database_files", "FILEPROPERTY", "sys.partitions", "sys.allocation_units")
                .doesNotContain("sys.dm_db_log_space_usage"));
        assertThat(sqlServer.tablePrivilege()).isEqualTo("SELECT HAS_PERMS_BY_NAME(?, 'OBJECT', ?)");
        assertThat(sqlServer.sessionLockTimeout()).contains("SELECT @@LOCK_TIMEOUT");
        assertThat(sqlServer.setLockTimeout(Duration.ofSeconds(30))).isEqualTo("SET LOCK_TIMEOUT 30000");
    }

    /**
     * TABLESAMPLE: "can only be applied to local tables" (Msg 494 on a view, synonym or remote table:
     * learn.microsoft.com/sql/t-sql/queries/from-transact-sql, "TABLESAMPLE clause"); the dialect asks whether the
     * source is a user table of this database before sampling it.
     */
    @Test
    void shouldSampleOnlyWhatSqlServerCallsAUserTable() {
        DatabaseDialect sqlServer = DatabaseVendor.SQLSERVER.dialect();

        assertThat(sqlServer.tableSample()).isEqualTo(" TABLESAMPLE (1 PERCENT) REPEATABLE (42)");
        assertThat(sqlServer.isLocalBaseTable()).contains(
                "SELECT CASE WHEN OBJECTPROPERTY(OBJECT_ID(?), 'IsUserTable') = 1 THEN 1 ELSE 0 END");
        assertThat(sqlServer.snapshotIsolationState()).hasValueSatisfying(sql -> assertThat(sql)
                .contains("snapshot_isolation_state", "sys.databases", "DB_ID()"));
        assertThat(sqlServer.exportSnapshot()).isEmpty();
        assertThat(DatabaseVendor.H2.dialect().tableSample()).isEmpty();
    }

    /**
     * mssql-jdbc turns VARCHAR into NVARCHAR while sendStringParametersAsUnicode is true, its default ("The driver
     * converts CHAR, VARCHAR, and LONGVARCHAR types to NCHAR, NVARCHAR, and LONGNVARCHAR respectively before sending
     * them": learn.microsoft.com/sql/connect/jdbc/reference/setsendstringparametersasunicode-method-sqlserverdatasource;
     * Parameter.getSSPAUJDBCType in the driver's source). An NVARCHAR bound against a VARCHAR column converts the
     * column: no index seek, and Unicode ordering instead of the column's collation. The bound is cast back.
     */
    @Test
    void shouldBindAnIdAgainstAVarcharColumnAsVarcharOnSqlServer() {
        DatabaseDialect sqlServer = DatabaseVendor.SQLSERVER.dialect();

        assertThat(sqlServer.idParameter("varchar", 64)).isEqualTo("CAST(? AS VARCHAR(64))");
        assertThat(sqlServer.idParameter("char", 10)).isEqualTo("CAST(? AS VARCHAR(10))");
        assertThat(sqlServer.idParameter("varchar", Integer.MAX_VALUE)).isEqualTo("CAST(? AS VARCHAR(MAX))");
        assertThat(sqlServer.idParameter("nvarchar", 64)).isEqualTo("?");
        assertThat(DatabaseVendor.POSTGRESQL.dialect().idParameter("varchar", 64)).isEqualTo("?");
    }

    @Test
    void shouldFollowSqlServersCollationWhenComparingIds() {
        DatabaseDialect sqlServer = DatabaseVendor.SQLSERVER.dialect();

        assertThat(sqlServer.idPolicyFor("SQL_Latin1_General_CP1_CI_AS")).isEqualTo(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);
        assertThat(sqlServer.idPolicyFor("Latin1_General_100_CI_AS_SC_UTF8")).isEqualTo(IdPolicy.IGNORE_CASE_AND_TRAILING_SPACES);
        assertThat(sqlServer.idPolicyFor("Latin1_General_CS_AS")).isEqualTo(IdPolicy.IGNORE_TRAILING_SPACES);
        assertThat(sqlServer.idPolicyFor("Latin1_General_BIN2")).isEqualTo(IdPolicy.IGNORE_TRAILING_SPACES);
        assertThat(DatabaseVendor.H2.dialect().idPolicyFor(null)).isEqualTo(IdPolicy.EXACT);
        assertThat(DatabaseVendor.POSTGRESQL.dialect().idPolicyFor("en_US.utf8")).isEqualTo(IdPolicy.EXACT);
    }

    @Test
    void shouldNotAskH2OrPostgresWhatOnlySqlServerHas() {
        for (DatabaseVendor vendor : new DatabaseVendor[]{DatabaseVendor.H2, DatabaseVendor.POSTGRESQL}) {
            DatabaseDialect dialect = vendor.dialect();
            assertThat(dialect.readCommittedSnapshot()).as("%s readers never wait: MVCC", vendor).isEmpty();
            assertThat(dialect.columnCollation()).isEmpty();
            assertThat(dialect.transactionLogSpace()).isEmpty();
        }
        assertThat(DatabaseVendor.H2.dialect().comparisonCollation()).isEmpty();
    }

    /**
     * A column with the database's default collation gives way to the other side's; any other collation is named
     * with its schema, so two of one name in two schemas differ too.
     */
    @Test
    void shouldNameOnlyTheCollationsThatDoNotGiveWayOnPostgres() throws SQLException {
        String database = "dialect_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            execute(admin, "CREATE DATABASE " + database);
            try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                    "postgres", "")) {
                execute(pg, "CREATE SCHEMA shop");
                execute(pg, "CREATE TABLE shop.ids (plain VARCHAR(64), c VARCHAR(64) COLLATE \"C\", n INT)");
                String sql = DatabaseVendor.POSTGRESQL.dialect().comparisonCollation().orElseThrow();

                assertThat(single(pg, sql, "shop.ids", "plain")).as("the database's default").isNull();
                assertThat(single(pg, sql, "shop.ids", "c")).isEqualTo("pg_catalog.C");
                assertThat(single(pg, sql, "SHOP.IDS", "C")).as("names as configured, folded as the publish's"
                        + " unquoted SQL folds them").isEqualTo("pg_catalog.C");
                try (PreparedStatement statement = pg.prepareStatement(sql)) {
                    statement.setString(1, "shop.ids");
                    statement.setString(2, "n");
                    assertThat(statement.executeQuery().next()).as("an INT has no collation").isFalse();
                }
            } finally {
                execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void shouldRunSqlServersLockTimeoutOnH2AndReadItBack() throws SQLException {
        try (Connection h2 = DriverManager.getConnection(h2Url(), "sa", "")) {
            execute(h2, SqlServerDialect.INSTANCE.setLockTimeout(Duration.ofMillis(1234)));

            assertThat(single(h2, DatabaseVendor.H2.dialect().sessionLockTimeout().orElseThrow())).isEqualTo("1234");
        }
    }

    @Test
    void shouldAnswerTablePrivilegesOnH2() throws SQLException {
        String url = h2Url();
        try (Connection h2 = DriverManager.getConnection(url, "sa", "")) {
            execute(h2, "CREATE TABLE recommendations (user_id VARCHAR(64))");
            execute(h2, "CREATE USER reader PASSWORD 'x'");
            execute(h2, "GRANT SELECT ON recommendations TO reader");
            String sql = DatabaseVendor.H2.dialect().tablePrivilege();

            assertThat(single(h2, sql, "recommendations", "DELETE")).as("admin").isEqualTo("TRUE");
            assertThat(single(h2, sql, "public.recommendations", "DELETE")).isEqualTo("TRUE");
            assertThat(single(h2, sql, "no_such_table", "SELECT")).isNull();
            try (Connection reader = DriverManager.getConnection(url, "reader", "x")) {
                assertThat(single(reader, sql, "recommendations", "SELECT")).isEqualTo("TRUE");
                assertThat(single(reader, sql, "recommendations", "DELETE")).isEqualTo("FALSE");
            }
        }
    }

    @Test
    void shouldAnswerTablePrivilegesAndSetALocalLockTimeoutOnPostgres() throws SQLException {
        String role = "reco_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = "dialect_test_" + role;
        // a database of its own: nothing is written into the shared postgres database
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            execute(admin, "CREATE DATABASE " + database);
            try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                    "postgres", "")) {
                String table = "dialect_test";
                execute(pg, "CREATE TABLE " + table + " (user_id VARCHAR(64))");
                execute(pg, "CREATE ROLE " + role);
                try {
                    execute(pg, "GRANT SELECT ON " + table + " TO " + role);
                    String sql = DatabaseVendor.POSTGRESQL.dialect().tablePrivilege();
                    assertThat(single(pg, sql, table, "DELETE")).isEqualTo("t");
                    assertThat(single(pg, sql, "no_such_table", "SELECT")).isNull();
                    execute(pg, "SET ROLE " + role);
                    assertThat(single(pg, sql, table, "SELECT")).isEqualTo("t");
                    assertThat(single(pg, sql, table, "DELETE")).isEqualTo("f");
                    execute(pg, "RESET ROLE");

                    // whatever the server's own default is, SET LOCAL changes it for one transaction only
                    String serversOwn = single(pg, "SHOW lock_timeout");
                    pg.setAutoCommit(false);
                    execute(pg, DatabaseVendor.POSTGRESQL.dialect().setLockTimeout(Duration.ofMillis(750)));
                    assertThat(single(pg, "SHOW lock_timeout")).isEqualTo("750ms");
                    pg.commit();
                    assertThat(single(pg, "SHOW lock_timeout")).as("SET LOCAL ends with the transaction")
                            .isEqualTo(serversOwn);
                    pg.setAutoCommit(true);
                } finally {
                    execute(pg, "RESET ROLE");
                    execute(pg, "REVOKE ALL ON " + table + " FROM " + role);
                    execute(pg, "DROP ROLE " + role);
                }
            } finally {
                execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static String h2Url() {
        return "jdbc:h2:mem:dialect_" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MSSQLServer";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String value = rows.getString(1);
                assertThat(rows.next()).isFalse();
                return value;
            }
        }
    }
}
