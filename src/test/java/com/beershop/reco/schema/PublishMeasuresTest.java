package com.beershop.reco.schema;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule tests for what the rehearsal reads on each database and how it recognises a missing grant. SQL Server cannot
 * run here, so its facts are encoded from the documentation: sys.dm_tran_database_transactions and
 * sys.dm_tran_version_store_space_usage need VIEW SERVER STATE (VIEW SERVER PERFORMANCE STATE on SQL Server 2022)
 * (learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/sys-dm-tran-database-transactions-
 * transact-sql, .../sys-dm-tran-version-store-space-usage); error 229 is "The %ls permission was denied on the object"
 * and 230 its column form (learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors).
 * PostgreSQL's and H2's are exercised for real by the rehearsal tests.
 */
class PublishMeasuresTest {

    @Test
    void shouldReadSqlServersOwnTransactionLogAndTheDatabasesVersionStoreNamingTheServerPermission() {
        var measures = DatabaseDialect.of(DatabaseVendor.SQLSERVER).publishMeasures();

        assertThat(measures).extracting(TransactionMeasure::name).containsExactly("transaction log", "version store");
        assertThat(measures.get(0).query()).contains("database_transaction_log_bytes_used",
                "sys.dm_tran_current_transaction", "DB_ID()");
        assertThat(measures.get(1).query()).contains("sys.dm_tran_version_store_space_usage", "DB_ID()");
        assertThat(measures).allSatisfy(m -> assertThat(m.needs()).contains("VIEW SERVER STATE",
                "VIEW SERVER PERFORMANCE STATE"));
    }

    @Test
    void shouldSayWhatIsNotMeasurableOnH2AndPostgres() {
        assertThat(DatabaseDialect.of(DatabaseVendor.H2).publishMeasures()).noneMatch(TransactionMeasure::measurable)
                .allSatisfy(m -> assertThat(m.note()).isEqualTo("not measurable on H2"));
        var postgres = DatabaseDialect.of(DatabaseVendor.POSTGRESQL).publishMeasures();
        assertThat(postgres.get(0).query()).contains("pg_current_wal_insert_lsn()");
        assertThat(postgres.get(1).measurable()).isFalse();
    }

    @Test
    void shouldRecogniseEachDatabasesPermissionDenied() {
        assertThat(DatabaseDialect.of(DatabaseVendor.SQLSERVER).isPermissionDenied(
                new SQLException("The DELETE permission was denied on the object 'recommendations'", "S0005", 229)))
                .isTrue();
        assertThat(DatabaseDialect.of(DatabaseVendor.SQLSERVER).isPermissionDenied(
                new SQLException("Lock request time out period exceeded.", "S00051", 1222))).isFalse();
        assertThat(DatabaseDialect.of(DatabaseVendor.POSTGRESQL).isPermissionDenied(
                new SQLException("permission denied for table recommendations", "42501"))).isTrue();
        assertThat(DatabaseDialect.of(DatabaseVendor.H2).isPermissionDenied(
                new SQLException("Not enough rights for object", "90096", 90096))).isTrue();
    }
}
