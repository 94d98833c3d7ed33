package com.beershop.reco.publish;

import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.schema.TransactionMeasure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rehearsal's measures on a real PostgreSQL, inside a transaction that goes on after them: the WAL a statement
 * wrote is measured, and a measure the database refuses (here SQL Server's view, as a login without VIEW SERVER
 * STATE would be refused) costs only its figure, not the transaction, which PostgreSQL aborts on any failed
 * statement outside a savepoint.
 */
class TransactionMeterTest {

    private final JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
    private final String name = "reco_meter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void freshDatabase() {
        admin.execute("CREATE DATABASE " + name);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(100))");
    }

    @AfterEach
    void dropDatabase() {
        admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Test
    void shouldMeasureTheWalAStatementWroteAndNameThePermissionOfARefusedMeasure() {
        List<TransactionMeasure> measures = new ArrayList<>(DatabaseDialect.of(DatabaseVendor.POSTGRESQL).publishMeasures());
        measures.add(DatabaseDialect.of(DatabaseVendor.SQLSERVER).publishMeasures().get(0));
        TransactionMeter meter = new TransactionMeter(jdbc, measures);

        List<String> lines = transaction.execute(status -> {
            List<TransactionMeter.Reading> before = meter.read(status);
            jdbc.update("INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 10000) g");
            List<TransactionMeter.Reading> after = meter.read(status);
            // the transaction is still usable after the refused measure
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Long.class)).isEqualTo(10_000);
            status.setRollbackOnly();
            return meter.describe(before, after);
        });

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("transaction log: \\d+\\.\\d MB, WAL the whole server wrote meanwhile.*");
        assertThat(lines.get(1)).startsWith("version store: none on PostgreSQL");
        assertThat(lines.get(2)).startsWith("transaction log: not measurable (needs VIEW SERVER STATE, or VIEW SERVER"
                + " PERFORMANCE STATE on SQL Server 2022; the database said: ").contains("dm_tran_database_transactions");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Long.class)).as("rolled back").isZero();
    }
}
