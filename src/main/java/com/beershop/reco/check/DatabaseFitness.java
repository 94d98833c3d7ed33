package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.schema.DatabaseDialect;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.ingest.IdPolicy;
import com.beershop.reco.schema.SchemaManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code check} mode's work: proves, with the run's own credentials and without changing anything, that the
 * target database is fit for a run. Each check reports one or more lines; one that cannot even run (a missing
 * VIEW DATABASE STATE, say) fails with the database's reason, and the others still run.
 */
public final class DatabaseFitness {

    /**
     * What a run would do, as far as the checks need to know.
     *
     * @param maxIdLength the longest id a run accepts (reco.input.max-id-length)
     * @param minRatings the fewest ratings a run accepts (reco.input.min-ratings)
     * @param idPolicy how the run compares ids when configured; empty: as the database does
     * @param allowBlockingReaders the run publishes even though readers wait (reco.publish.allow-blocking-readers)
     * @param queryTimeout bound on each of the checks' queries
     */
    public record Expectations(InventoryProperties inventory, int maxIdLength, int minRatings,
                               Optional<IdPolicy> idPolicy, boolean allowBlockingReaders, Duration queryTimeout) {
    }

    private final DataSource dataSource;
    private final List<DatabaseCheck> checks;
    private final Duration queryTimeout;

    public DatabaseFitness(DataSource dataSource, SchemaManager schema, Expectations expected) {
        this.dataSource = dataSource;
        this.queryTimeout = expected.queryTimeout();
        InventoryProperties inventory = expected.inventory();
        this.checks = List.of(
                new SchemaVersionCheck(schema),
                new ContractCheck(inventory, expected.maxIdLength()),
                new PrivilegeCheck(inventory, SchemaManager.JOB_HISTORY_TABLE),
                new ReadersCheck(expected.allowBlockingReaders()),
                new IdComparisonCheck(inventory, expected.idPolicy()),
                new TransactionLogCheck(inventory.recommendations().table()),
                new CountsCheck(inventory, expected.minRatings()));
    }

    public CheckReport run() throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            var meta = connection.getMetaData();
            results.add(CheckResult.ok("connection", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + " as " + meta.getUserName()));
            DatabaseDialect dialect = DatabaseVendor.fromProductName(meta.getDatabaseProductName()).dialect();
            CheckContext context = new CheckContext(connection, dialect, queryTimeout);
            for (DatabaseCheck check : checks) {
                results.addAll(runOne(check, context));
            }
        }
        return new CheckReport(results);
    }

    private static List<CheckResult> runOne(DatabaseCheck check, CheckContext context) {
        try {
            return check.run(context);
        } catch (SQLException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return List.of(CheckResult.failed(check.name(), "could not check: " + message));
        } finally {
            rollbackQuietly(context);
        }
    }

    /** A failed query aborts a PostgreSQL transaction; start the next check on a clean one. */
    private static void rollbackQuietly(CheckContext context) {
        try {
            if (!context.connection().getAutoCommit()) {
                context.connection().rollback();
            }
        } catch (SQLException ignored) {
            // the next check reports the connection's state itself
        }
    }
}
