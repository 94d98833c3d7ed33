package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.RunRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the live recommendation table's rows with one run's staged rows in a single short transaction:
 * DELETE then INSERT ... SELECT. Readers on other connections keep seeing yesterday's rows until the commit
 * (MVCC on PostgreSQL and H2; READ_COMMITTED_SNAPSHOT on SQL Server), then all of today's. No DDL, no rename:
 * the Go service's table keeps its schema, indexes and grants.
 *
 * <p>The publish is its own transaction (REQUIRES_NEW), even when called from a step's transaction: it holds exactly
 * the delete and the insert of the live rows, so row locks on the live table last no longer than those two
 * statements; clearing the staging rows and Spring Batch's metadata updates come after its commit. Inside it, the
 * run lock is checked before the DELETE and after the INSERT: a run whose lock's session died rolls back, nothing
 * changed, because another run may hold the lock by then.
 */
public class RecommendationPublisher {

    private static final Logger log = LoggerFactory.getLogger(RecommendationPublisher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecommendationsTable table;
    private final PublishSession session;
    private final Runnable verifyRunLock;

    /**
     * @param verifyRunLock refuses (throws) unless this process still holds the run lock; called inside the publish
     *                      transaction, before the DELETE and again just before the commit
     */
    public RecommendationPublisher(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                   RecommendationsTable table, PublishSession session, Runnable verifyRunLock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
        this.session = session;
        this.verifyRunLock = verifyRunLock;
    }

    /** How many rows and distinct users the website is served now. */
    public PublishGuards.LiveTable liveTable() {
        return jdbc.queryForObject("SELECT COUNT(*), COUNT(DISTINCT " + table.userColumn() + ") FROM " + table.table(),
                (rs, i) -> new PublishGuards.LiveTable(rs.getLong(1), rs.getLong(2)));
    }

    /**
     * @param expectedRows how many rows the run staged; anything else rolls the publish back
     * @return what changed in the live table
     */
    public PublishResult publish(long runId, long expectedRows) {
        session.refuseBlockingReaders(table.table());
        Replaced replaced = transaction.execute(status -> session.withLockTimeout(() -> replace(runId, expectedRows)));
        // after the commit: only now is it true
        PublishResult published = replaced.result();
        log.info("Published {} rows to {} in {} ms (one transaction; replaced {} rows; DELETE {} ms, INSERT {} ms)",
                published.rowsPublished(), table.table(), millisSince(replaced.startedNanos()),
                published.rowsRemoved(), replaced.deleteMillis(), replaced.insertMillis());
        return published;
    }

    /**
     * The {@code rehearse} mode's publish: the same refusal, lock timeout, DELETE and INSERT ... SELECT in the same
     * kind of transaction, measured (the dialect's {@link com.beershop.reco.schema.TransactionMeasure}s), then
     * rolled back. Readers never see a change.
     */
    public RehearsedPublish rehearse(long runId, long expectedRows) {
        session.refuseBlockingReaders(table.table());
        TransactionMeter meter = new TransactionMeter(jdbc, session.dialect().publishMeasures());
        List<List<TransactionMeter.Reading>> readings = new ArrayList<>();
        Replaced replaced = transaction.execute(status -> session.withLockTimeout(() -> {
            readings.add(meter.read(status));
            Replaced done = replace(runId, expectedRows);
            readings.add(meter.read(status));
            status.setRollbackOnly();
            return done;
        }));
        return new RehearsedPublish(replaced.result(), replaced.deleteMillis(), replaced.insertMillis(),
                millisSince(replaced.startedNanos()), meter.describe(readings.get(0), readings.get(1)));
    }

    private record Replaced(PublishResult result, long startedNanos, long deleteMillis, long insertMillis) {
    }

    private Replaced replace(long runId, long expectedRows) {
        String delete = "DELETE FROM " + table.table();
        String copy = "INSERT INTO " + table.table()
                + " (" + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn() + ")"
                + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?";
        long started = System.nanoTime();
        verifyRunLock.run();
        int removed = update(delete, "DELETE on " + table.table());
        long deleted = System.nanoTime();
        int inserted = update(copy, "INSERT on " + table.table() + " (or SELECT on reco_staging)", runId);
        // the lock's session may have died while the statements waited or ran: then another run may hold it
        verifyRunLock.run();
        if (inserted != expectedRows) {
            // a data access failure (exit 5): the staging table changed under the run, and a new run stages anew
            throw new IncorrectUpdateSemanticsDataAccessException("publish copied " + inserted
                    + " rows but the run staged " + expectedRows + "; rolled back, the live table is unchanged");
        }
        return new Replaced(new PublishResult(runId, removed, inserted), started, (deleted - started) / 1_000_000,
                millisSince(deleted));
    }

    /** A missing grant meets the same statement on every retry: refused as an unfit database, naming the grant. */
    private int update(String sql, String privilege, Object... args) {
        try {
            return jdbc.update(sql, args);
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException denied && session.dialect().isPermissionDenied(denied)) {
                    throw RunRefusedException.databaseUnfit("the login " + login() + " lacks " + privilege + ": "
                            + denied.getMessage().lines().findFirst().orElse("").replaceFirst(";? *SQL statement:$", "")
                            + ". Nothing was published");
                }
            }
            throw e;
        }
    }

    private String login() {
        return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getUserName());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
