package com.beershop.reco.publish;

import com.beershop.reco.check.TableShape;
import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.outcome.RunRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replaces the live recommendation table's rows with one run's staged rows in a single short transaction. Only what
 * changed is written: a DELETE of the live rows the run did not stage, then an INSERT ... SELECT of the staged rows
 * that are not live; a row equal in user, product and rank stays as it is. Deleting every row and inserting every
 * row instead made PostgreSQL check each inserted key against the row the same transaction had just deleted, and
 * on SQL Server filled the log and the version store with every row; a row that did not change is now not written
 * at all (docs/performance.md, "publishing only the changed rows"). When the run holds its staged rows in memory (a
 * night's publish and its rehearsal), the live rows are read once and compared with them there instead, and the
 * changed rows are deleted and inserted by their values: a night changes a few percent of the rows, and the two
 * anti-joins cost seconds to find them (docs/performance.md, "The publish compares in memory"). Readers
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
    private static final String CHANGED_ROWS_ONLY = "changed rows only";
    /** Row by row while no more than this share of the staged rows changed, one in ten, or this many rows. */
    private static final long ROW_BY_ROW_SHARE = 10;
    private static final long ROW_BY_ROW_AT_LEAST = 10_000;
    private static final int LIVE_FETCH_SIZE = 10_000;

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

    /**
     * What the statements did, net: a fallback's rows count once.
     *
     * @param copied the rows the run's staging held when the publish read them
     */
    private record Changes(long removed, long kept, long inserted, long copied, String way) {
    }

    private Replaced replace(long runId, long expectedRows, StagedLists staged) {
        Stopwatch watch = new Stopwatch();
        verifyRunLock.run();
        Optional<String> conflict = collationConflict();
        Changes changes = conflict.isPresent() ? fullReplace(runId, conflict.get(), watch)
                : staged != null ? comparedInMemory(runId, expectedRows, staged, watch)
                : changedRowsOnly(runId, expectedRows, watch);
        // the lock's session may have died while the statements waited or ran: then another run may hold it
        verifyRunLock.run();
        watch.inserted();
        if (changes.copied() != expectedRows) {
            // a data access failure (exit 5): the staging table changed under the run, and a new run stages anew
            throw new IncorrectUpdateSemanticsDataAccessException("publish copied " + changes.copied()
                    + " rows but the run staged " + expectedRows + "; rolled back, the live table is unchanged");
        }
        return new Replaced(new PublishResult(runId, changes.removed(), changes.kept() + changes.inserted(),
                changes.kept()), changes.way(), watch.started, watch.deleteNanos / 1_000_000,
                watch.insertNanos / 1_000_000);
    }

    /**
     * The live rows read once and compared with the staged rows the run holds in memory; then the gone rows deleted
     * by their values and the new rows inserted, in batches. In SQL the same comparison is two anti-joins over every
     * live and every staged row, 5.3-5.9 s at 2,000,000 rows where a night changes 3 % of them or none; read and
     * compared here, 1.0-2.2 s (docs/performance.md, "The publish compares in memory"). Where that does not pay or
     * cannot work it hands over to the comparison in SQL: a live table whose user column leads no index (each
     * DELETE by values would scan it), a NULL key, or more than a tenth of the rows changed and more than 10,000
     * (then set-based statements write faster than batches; under a third still live, the full replace). A row
     * held twice takes the full replace, as it does in SQL.
     */
    private Changes comparedInMemory(long runId, long expectedRows, StagedLists staged, Stopwatch watch) {
        String live = table.table();
        if (!userColumnIndexed()) {
            log.info("Comparing in SQL: no index of {} starts with {}, so deleting rows by their values would scan it",
                    live, table.userColumn());
            return changedRowsOnly(runId, expectedRows, watch);
        }
        // the grants and the lock the SQL comparison's statements need, asked for every night, even one that changes
        // nothing: a login without DELETE fails tonight, not on the first night with a change, and a session that
        // holds a lock on the live table times the publish out before the read (WHERE 1 = 0 writes nothing)
        update("DELETE FROM " + live + " WHERE 1 = 0", "DELETE on " + live);
        update("INSERT INTO " + live + columns() + " SELECT user_id, product_id, item_rank FROM reco_staging"
                + " WHERE 1 = 0", "INSERT on " + live + " (or SELECT on reco_staging)");
        long started = System.nanoTime();
        int atMost = (int) Math.min(Integer.MAX_VALUE, Math.max(ROW_BY_ROW_AT_LEAST, expectedRows / ROW_BY_ROW_SHARE));
        LiveTableDiff diff = new LiveTableDiff(staged, atMost);
        // each id bound as the column compares it: on SQL Server a VARCHAR column against an NVARCHAR parameter is
        // converted row by row, and its index is not used (SqlServerDialect.idParameter)
        String[] ids = withPrivilege("SELECT on " + live, () -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + table.userColumn() + ", "
                    + table.productColumn() + ", " + table.rankColumn() + " FROM " + live);
            statement.setFetchSize(LIVE_FETCH_SIZE);
            return statement;
        }, (ResultSetExtractor<String[]>) rs -> {
            var meta = rs.getMetaData();
            String[] parameters = {session.dialect().idParameter(meta.getColumnTypeName(1), meta.getPrecision(1)),
                    session.dialect().idParameter(meta.getColumnTypeName(2), meta.getPrecision(2))};
            while (rs.next()) {
                int rank = rs.getInt(3);
                diff.accept(rs.getString(1), rs.getString(2), rs.wasNull() ? null : rank);
            }
            return parameters;
        }));
        LiveTableDiff.Diff found = diff.finish();
        log.info("Compared the {} live rows with the {} staged in memory in {} ms: {} unchanged, {} gone, {} new",
                found.liveRows, expectedRows, millisSince(started), found.keptRows, found.goneRows, found.newRows);
        if (!found.rowByRow) {
            // deleting a row held twice by its values would delete both: every row, as the SQL comparison does
            if (found.heldTwice()) {
                return fullReplace(runId, live + " " + found.why, watch);
            }
            log.info("Comparing in SQL: {} {}", live, found.why);
            return changedRowsOnly(runId, expectedRows, watch);
        }
        if (found.goneRows > atMost || found.newRows > atMost) {
            if (found.keptRows * 3 < expectedRows) {
                return fullReplace(runId, "only " + found.keptRows + " of the " + expectedRows
                        + " rows staged were live already", watch);
            }
            return changedRowsOnly(runId, expectedRows, watch);
        }
        int removed = 0;
        for (int count : withPrivilege("DELETE on " + live, () -> jdbc.batchUpdate("DELETE FROM " + live + " WHERE "
                + table.userColumn() + " = " + ids[0] + " AND " + table.productColumn() + " = " + ids[1] + " AND "
                + table.rankColumn() + " = ?", found.goneKeys()))) {
            removed += Math.max(0, count);
        }
        watch.deleted();
        long inserted = found.newRows;
        withPrivilege("INSERT on " + live, () -> jdbc.batchUpdate("INSERT INTO " + live + columns() + " VALUES ("
                + ids[0] + ", " + ids[1] + ", ?)", found.newKeys()));
        // the staged rows counted too: they are the generation a republish puts back, and must be what went live
        long[] rows = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM " + live + "),"
                        + " (SELECT COUNT(*) FROM reco_staging WHERE run_id = ?)",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, runId);
        watch.inserted();
        long liveRows = rows[0];
        if (liveRows == expectedRows || rows[1] != expectedRows) {
            return new Changes(removed, found.keptRows, inserted, rows[1], CHANGED_ROWS_ONLY + ", compared in memory");
        }
        // another writer, or a DELETE that matched a kept row its collation calls equal: the staged rows, all of them
        Changes full = fullReplace(runId, "the changed rows left " + liveRows + " rows in " + live + ", not the "
                + expectedRows + " staged", watch);
        return new Changes(removed + full.removed() - inserted, 0, full.inserted(), full.copied(), full.way());
    }

    /** Whether an index of the live table starts with its user column, as the JDBC driver's metadata tells. */
    private boolean userColumnIndexed() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            Optional<TableShape> live = TableShape.read(meta, connection.getSchema(), table.table());
            return live.isPresent() && live.get().indexLeadsOn(meta, table.userColumn());
        }));
    }

    /**
     * Deletes the live rows the run did not stage, inserts the staged rows that are not live, then counts: the live
     * table must hold exactly as many rows as the run staged. More means a row kept twice (a live table without a
     * key can hold a row twice): then the full replace, in the same transaction.
     */
    private Changes changedRowsOnly(long runId, long expectedRows, Stopwatch watch) {
        String live = table.table();
        // SQL Server allows no alias on a DELETE's target without a second FROM, which PostgreSQL does not parse:
        // the subquery names the live table by its own name, the last part of a schema-qualified one
        String outer = live.substring(live.lastIndexOf('.') + 1);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM " + live, Long.class);
        int removed = update("DELETE FROM " + live + " WHERE NOT EXISTS (SELECT 1 FROM reco_staging s"
                        + " WHERE s.run_id = ? AND s.user_id = " + outer + "." + table.userColumn()
                        + " AND s.product_id = " + outer + "." + table.productColumn()
                        + " AND s.item_rank = " + outer + "." + table.rankColumn() + ")",
                "DELETE on " + live + " (or SELECT on it or on reco_staging)", runId);
        watch.deleted();
        long unchanged = before - removed;
        if (unchanged * 3 < expectedRows) {
            // most of tonight's rows are new (a new model, a republish): the comparison hands them to the INSERT in
            // its hash order, the plain INSERT ... SELECT in key order, and on 2,000,000 rows that is 10.5 s against
            // 6.5 s (docs/performance.md)
            Changes full = fullReplace(runId, "only " + unchanged + " of the " + expectedRows
                    + " rows staged were live already", watch);
            return new Changes(removed + full.removed(), 0, full.inserted(), full.copied(), full.way());
        }
        int inserted = update("INSERT INTO " + live + columns()
                        + " SELECT s.user_id, s.product_id, s.item_rank FROM reco_staging s WHERE s.run_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + live + " l WHERE l." + table.userColumn() + " = s.user_id"
                        + " AND l." + table.productColumn() + " = s.product_id"
                        + " AND l." + table.rankColumn() + " = s.item_rank)",
                "INSERT on " + live + " (or SELECT on it or on reco_staging)", runId);
        long[] rows = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM " + live + "),"
                        + " (SELECT COUNT(*) FROM reco_staging WHERE run_id = ?)",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, runId);
        watch.inserted();
        long liveRows = rows[0];
        long staged = rows[1];
        // as many live rows as staged: the live table is the run's rows. A staging table that changed under the run
        // is refused after the run lock's check (a full replace would copy as many rows)
        if (liveRows == staged || staged != expectedRows) {
            return new Changes(removed, liveRows - inserted, inserted, staged, CHANGED_ROWS_ONLY);
        }
        Changes full = fullReplace(runId, "the changed rows left " + liveRows + " rows in " + live + ", not the "
                + staged + " staged (a row it held twice was kept twice)", watch);
        // every row that was live before is gone, both DELETEs counted once; the INSERTs' rows count once
        return new Changes(removed + full.removed() - inserted, 0, full.inserted(), full.copied(), full.way());
    }

    /** Every live row deleted, every staged row inserted. */
    private Changes fullReplace(long runId, String why, Stopwatch watch) {
        String live = table.table();
        log.info("Publishing every row of run {} to {}, not only the changed ones: {}", runId, live, why);
        int removed = update("DELETE FROM " + live, "DELETE on " + live);
        watch.deleted();
        int inserted = update("INSERT INTO " + live + columns()
                        + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?",
                "INSERT on " + live + " (or SELECT on reco_staging)", runId);
        return new Changes(removed, 0, inserted, inserted, "full replace: " + why);
    }

    private String columns() {
        return " (" + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn() + ")";
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

    /** Splits the publish's time between its DELETEs and its INSERTs, each with the reads and checks beside it. */
    private static final class Stopwatch {
        final long started = System.nanoTime();
        private long mark = started;
        long deleteNanos;
        long insertNanos;

        void deleted() {
            deleteNanos += lap();
        }

        void inserted() {
            insertNanos += lap();
        }

        private long lap() {
            long now = System.nanoTime();
            long lap = now - mark;
            mark = now;
            return lap;
        }
    }

    private int update(String sql, String privilege, Object... args) {
        return withPrivilege(privilege, () -> jdbc.update(sql, args));
    }

    /** A missing grant meets the same statement on every retry: refused as an unfit database, naming the grant. */
    private <T> T withPrivilege(String privilege, Supplier<T> statement) {
        try {
            return statement.get();
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
