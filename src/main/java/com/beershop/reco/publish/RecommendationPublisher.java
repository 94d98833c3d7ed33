package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the live recommendation table's rows with one run's staged rows in a single short transaction. Only what
 * changed is written: a DELETE of the live rows the run did not stage, then an INSERT ... SELECT of the staged rows
 * that are not live; a row equal in user, product and rank stays as it is. Deleting every row and inserting every
 * row instead made PostgreSQL check each inserted key against the row the same transaction had just deleted, and
 * on SQL Server filled the log and the version store with every row; a row that did not change is now not written
 * at all (docs/performance.md, "publishing only the changed rows"; {@link SqlComparison}). When the run holds its
 * staged rows in memory (a night's publish and its rehearsal), the live rows are read once and compared with them
 * there instead, and the changed rows are deleted and inserted by their values: a night changes a few percent of the
 * rows, and the two anti-joins cost seconds to find them (docs/performance.md, "The publish compares in memory";
 * {@link InMemoryComparison}). This class holds the transaction around them and its checks. Readers
 * on other connections keep seeing yesterday's rows until the commit (MVCC on PostgreSQL and H2;
 * READ_COMMITTED_SNAPSHOT on SQL Server), then all of today's. No DDL, no rename: the Go service's table keeps its
 * schema, indexes and grants.
 *
 * <p>The full replace (DELETE of every row, INSERT ... SELECT of every staged row) stays, in the same transaction:
 * where the live and the staged ids cannot be compared (their collations conflict), where fewer than a third of the
 * run's rows were live already (writing them all in key order is then cheaper than comparing), and where the
 * changed rows leave the live table with other than the run's rows (duplicate rows in a live table without a
 * key).
 *
 * <p>The publish is its own transaction (REQUIRES_NEW), even when called from a step's transaction: it holds exactly
 * the changes to the live rows, so row locks on the live table last no longer than those statements; clearing the
 * staging rows and Spring Batch's metadata updates come after its commit. Inside it, the run lock is checked before
 * the first DELETE and after the last INSERT: a run whose lock's session died rolls back, nothing changed, because
 * another run may hold the lock by then.
 */
public class RecommendationPublisher {

    private static final Logger log = LoggerFactory.getLogger(RecommendationPublisher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecommendationsTable table;
    private final PublishSession session;
    private final Runnable verifyRunLock;
    private final SqlComparison inSql;
    private final InMemoryComparison inMemory;

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
        LiveTableStatements statements = new LiveTableStatements(jdbc, table, session);
        this.inSql = new SqlComparison(statements);
        this.inMemory = new InMemoryComparison(statements, inSql);
    }

    /** How many rows and distinct users the website is served now. */
    public PublishGuards.LiveTable liveTable() {
        // the users grouped rather than COUNT(DISTINCT): PostgreSQL sorts for a distinct count but hashes a
        // GROUP BY, 0.2 s against 0.6 s at 2,000,000 rows. COUNT(u) leaves out a NULL user, as COUNT(DISTINCT) did
        String user = table.userColumn();
        return jdbc.queryForObject("SELECT COALESCE(SUM(n), 0), COUNT(u) FROM (SELECT " + user + " AS u, COUNT(*) AS n"
                        + " FROM " + table.table() + " GROUP BY " + user + ") g",
                (rs, i) -> new PublishGuards.LiveTable(rs.getLong(1), rs.getLong(2)));
    }

    /**
     * @param expectedRows how many rows the run staged; anything else rolls the publish back
     * @return what changed in the live table
     */
    public PublishResult publish(long runId, long expectedRows) {
        return publish(runId, expectedRows, null);
    }

    /**
     * @param staged the staged rows as the run holds them in memory, or null: then the live rows are compared with
     *               the staged ones in SQL
     */
    public PublishResult publish(long runId, long expectedRows, StagedLists staged) {
        session.refuseBlockingReaders(table.table());
        refreshStagingStatistics();
        Replaced replaced = transaction.execute(status -> session.withLockTimeout(
                () -> replace(runId, expectedRows, staged)));
        // after the commit: only now is it true
        PublishResult published = replaced.result();
        log.info("Published {} rows to {} in {} ms (one transaction, {}; {} unchanged, {} removed, {} inserted;"
                        + " DELETE {} ms, INSERT {} ms)",
                published.rowsPublished(), table.table(), millisSince(replaced.startedNanos()), replaced.way(),
                published.rowsKept(), published.rowsRemoved(), published.rowsInserted(), replaced.deleteMillis(),
                replaced.insertMillis());
        return published;
    }

    /**
     * The {@code rehearse} mode's publish: the same refusal, lock timeout, DELETEs and INSERT ... SELECTs in the same
     * kind of transaction, measured (the dialect's {@link com.beershop.reco.schema.TransactionMeasure}s), then
     * rolled back. Readers never see a change.
     */
    public RehearsedPublish rehearse(long runId, long expectedRows) {
        return rehearse(runId, expectedRows, null);
    }

    /** @param staged as for {@link #publish(long, long, StagedLists)} */
    public RehearsedPublish rehearse(long runId, long expectedRows, StagedLists staged) {
        session.refuseBlockingReaders(table.table());
        refreshStagingStatistics();
        TransactionMeter meter = new TransactionMeter(jdbc, session.dialect().publishMeasures());
        List<List<TransactionMeter.Reading>> readings = new ArrayList<>();
        Replaced replaced = transaction.execute(status -> session.withLockTimeout(() -> {
            readings.add(meter.read(status));
            Replaced done = replace(runId, expectedRows, staged);
            readings.add(meter.read(status));
            status.setRollbackOnly();
            return done;
        }));
        return new RehearsedPublish(replaced.result(), replaced.way(), replaced.deleteMillis(),
                replaced.insertMillis(), millisSince(replaced.startedNanos()),
                meter.describe(readings.get(0), readings.get(1)));
    }

    /**
     * Before the publish, in a transaction of its own that commits: the comparisons are planned for tonight's staged
     * rows, not for none. Statistics gathered in the caller's transaction would stay invisible to the publish's.
     * A database that skips the statement (PostgreSQL, for a login that does not own the table) says so in a
     * warning, not an error: the publish goes on, and the log says why it may be slow.
     */
    private void refreshStagingStatistics() {
        session.dialect().refreshStatistics("reco_staging").ifPresent(sql -> {
            SQLWarning warning = transaction.execute(status -> jdbc.execute((StatementCallback<SQLWarning>) statement -> {
                statement.execute(sql);
                return statement.getWarnings();
            }));
            if (warning != null) {
                log.warn("{} did not refresh the planner's statistics ({}): the publish compares tonight's rows with"
                        + " plans made for the table as autovacuum last saw it, which can take twice as long. The"
                        + " job's login should own reco_staging, as the migrate mode's login does", sql,
                        warning.getMessage());
            }
        });
    }

    /** @param way "changed rows only", or "full replace: " and why */
    private record Replaced(PublishResult result, String way, long startedNanos, long deleteMillis,
                            long insertMillis) {
    }

    private Replaced replace(long runId, long expectedRows, StagedLists staged) {
        PublishStopwatch watch = new PublishStopwatch();
        verifyRunLock.run();
        Optional<String> conflict = collationConflict();
        PublishChanges changes = conflict.isPresent() ? inSql.fullReplace(runId, conflict.get(), watch)
                : staged != null ? inMemory.compare(runId, expectedRows, staged, watch)
                : inSql.changedRowsOnly(runId, expectedRows, watch);
        // the lock's session may have died while the statements waited or ran: then another run may hold it
        verifyRunLock.run();
        watch.inserted();
        if (changes.copied() != expectedRows) {
            // a data access failure (exit 5): the staging table changed under the run, and a new run stages anew
            throw new IncorrectUpdateSemanticsDataAccessException("publish copied " + changes.copied()
                    + " rows but the run staged " + expectedRows + "; rolled back, the live table is unchanged");
        }
        return new Replaced(new PublishResult(runId, changes.removed(), changes.kept() + changes.inserted(),
                changes.kept(), staged == null ? null : staged.listedUsers()), changes.way(), watch.started,
                watch.deleteNanos / 1_000_000, watch.insertNanos / 1_000_000);
    }

    /**
     * Why the live ids cannot be compared with the staged ones, naming the columns and their collations; empty
     * when they can (or where the dialect knows no such conflict).
     */
    private Optional<String> collationConflict() {
        Optional<String> query = session.dialect().comparisonCollation();
        if (query.isEmpty()) {
            return Optional.empty();
        }
        List<String> conflicts = new ArrayList<>();
        for (String[] pair : List.of(new String[]{table.userColumn(), "user_id"},
                new String[]{table.productColumn(), "product_id"})) {
            String live = collation(query.get(), table.table(), pair[0]);
            String staged = collation(query.get(), "reco_staging", pair[1]);
            if (live != null && staged != null && !live.equals(staged)) {
                conflicts.add(table.table() + "." + pair[0] + " (" + live + ") and reco_staging." + pair[1] + " ("
                        + staged + ")");
            }
        }
        return conflicts.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", conflicts) + " differ in collation, so they cannot be compared");
    }

    private String collation(String query, String table, String column) {
        return jdbc.query(query, rs -> rs.next() ? rs.getString(1) : null, table, column);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
