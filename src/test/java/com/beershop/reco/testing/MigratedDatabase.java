package com.beershop.reco.testing;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A fresh database with the job's tables and the InventoryDB copy migrated, for tests of one class against real SQL
 * without starting the application: a named in-memory H2 in SQL Server mode (the SQL Server scripts), or a new
 * database on the local PostgreSQL server (its own scripts), dropped on {@link #close()}.
 */
public final class MigratedDatabase implements AutoCloseable {

    public final String url;
    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final DataSourceTransactionManager transactions;
    private final Runnable drop;

    private MigratedDatabase(String url, String user, String folder, Runnable drop) {
        this.url = url;
        this.dataSource = new DriverManagerDataSource(url, user, "");
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.drop = drop;
        migrate(folder, "flyway_schema_history");
        migrate("inventory/" + folder, "inventory_schema_history");
    }

    public static MigratedDatabase h2() {
        String url = "jdbc:h2:mem:migrated_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        JdbcTemplate shutdown = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        return new MigratedDatabase(url, "sa", "sqlserver", () -> shutdown.execute("SHUTDOWN"));
    }

    public static MigratedDatabase postgres() {
        String name = "reco_migrated_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
        admin.execute("CREATE DATABASE " + name);
        return new MigratedDatabase("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "postgresql",
                () -> admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** A template that starts a transaction of its own, as the job's housekeeping gets. */
    public TransactionTemplate ownTransaction() {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private void migrate(String folder, String historyTable) {
        // as the application does: each history starts beside tables that are not its own
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + folder).table(historyTable)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    @Override
    public void close() {
        drop.run();
    }
}
