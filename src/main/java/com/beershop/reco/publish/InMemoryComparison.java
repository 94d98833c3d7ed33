package com.beershop.reco.publish;

import com.beershop.reco.check.TableShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.ResultSetExtractor;

import java.sql.DatabaseMetaData;
import java.util.Optional;

/**
 * The live rows read once and compared with the staged rows the run holds in memory; then the gone rows deleted by
 * their values and the new rows inserted, in batches. In SQL the same comparison is two anti-joins over every live
 * and every staged row, 5.3-5.9 s at 2,000,000 rows where a night changes 3 % of them or none; read and compared
 * here, 1.0-2.2 s (docs/performance.md, "The publish compares in memory"). Where that does not pay or cannot work
 * it hands over to the {@link SqlComparison}: a live table whose user column leads no index (each DELETE by values
 * would scan it), a NULL key, or more than a tenth of the rows changed and more than 10,000 (then set-based
 * statements write faster than batches; under a third still live, the full replace). A row held twice takes the
 * full replace, as it does in SQL.
 */
final class InMemoryComparison {

    // the publish's own lines, under its logger: one name to follow a publish by in the logs
    private static final Logger log = LoggerFactory.getLogger(RecommendationPublisher.class);
    /** Row by row while no more than this share of the staged rows changed, one in ten, or this many rows. */
    private static final long ROW_BY_ROW_SHARE = 10;
    private static final long ROW_BY_ROW_AT_LEAST = 10_000;
    private static final int LIVE_FETCH_SIZE = 10_000;

    private final LiveTableStatements statements;
    private final SqlComparison inSql;

    InMemoryComparison(LiveTableStatements statements, SqlComparison inSql) {
        this.statements = statements;
        this.inSql = inSql;
    }

    PublishChanges compare(long runId, long expectedRows, StagedLists staged, PublishStopwatch watch) {
        var table = statements.table();
        var jdbc = statements.jdbc();
        String live = table.table();
        if (!userColumnIndexed()) {
            log.info("Comparing in SQL: no index of {} starts with {}, so deleting rows by their values would scan it",
                    live, table.userColumn());
            return inSql.changedRowsOnly(runId, expectedRows, watch);
        }
        // the grants and the lock the SQL comparison's statements need, asked for every night, even one that changes
        // nothing: a login without DELETE fails tonight, not on the first night with a change, and a session that
        // holds a lock on the live table times the publish out before the read (WHERE 1 = 0 writes nothing)
        statements.update("DELETE FROM " + live + " WHERE 1 = 0", "DELETE on " + live);
        statements.update("INSERT INTO " + live + statements.columns() + " SELECT user_id, product_id, item_rank"
                + " FROM reco_staging WHERE 1 = 0", "INSERT on " + live + " (or SELECT on reco_staging)");
        long started = System.nanoTime();
        int atMost = (int) Math.min(Integer.MAX_VALUE, Math.max(ROW_BY_ROW_AT_LEAST, expectedRows / ROW_BY_ROW_SHARE));
        LiveTableDiff diff = new LiveTableDiff(staged, atMost);
        // each id bound as the column compares it: on SQL Server a VARCHAR column against an NVARCHAR parameter is
        // converted row by row, and its index is not used (SqlServerDialect.idParameter)
        var dialect = statements.session().dialect();
        String[] ids = statements.withPrivilege("SELECT on " + live, () -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + table.userColumn() + ", "
                    + table.productColumn() + ", " + table.rankColumn() + " FROM " + live);
            statement.setFetchSize(LIVE_FETCH_SIZE);
            return statement;
        }, (ResultSetExtractor<String[]>) rs -> {
            var meta = rs.getMetaData();
            String[] parameters = {dialect.idParameter(meta.getColumnTypeName(1), meta.getPrecision(1)),
                    dialect.idParameter(meta.getColumnTypeName(2), meta.getPrecision(2))};
            while (rs.next()) {
                int rank = rs.getInt(3);
                diff.accept(rs.getString(1), rs.getString(2), rs.wasNull() ? null : rank);
            }
            return parameters;
        }));
        LiveTableDiff.Diff found = diff.finish();
        log.info("Compared the {} live rows with the {} staged in memory in {} ms: {} unchanged, {} gone, {} new",
                found.liveRows, expectedRows, (System.nanoTime() - started) / 1_000_000, found.keptRows,
                found.goneRows, found.newRows);
        if (!found.rowByRow) {
            // deleting a row held twice by its values would delete both: every row, as the SQL comparison does
            if (found.heldTwice()) {
                return inSql.fullReplace(runId, live + " " + found.why, watch);
            }
            log.info("Comparing in SQL: {} {}", live, found.why);
            return inSql.changedRowsOnly(runId, expectedRows, watch);
        }
        if (found.goneRows > atMost || found.newRows > atMost) {
            if (found.keptRows * 3 < expectedRows) {
                return inSql.fullReplace(runId, "only " + found.keptRows + " of the " + expectedRows
                        + " rows staged were live already", watch);
            }
            return inSql.changedRowsOnly(runId, expectedRows, watch);
        }
        int removed = 0;
        for (int count : statements.withPrivilege("DELETE on " + live, () -> jdbc.batchUpdate("DELETE FROM " + live
                + " WHERE " + table.userColumn() + " = " + ids[0] + " AND " + table.productColumn() + " = " + ids[1]
                + " AND " + table.rankColumn() + " = ?", found.goneKeys()))) {
            removed += Math.max(0, count);
        }
        watch.deleted();
        long inserted = found.newRows;
        statements.withPrivilege("INSERT on " + live, () -> jdbc.batchUpdate("INSERT INTO " + live
                + statements.columns() + " VALUES (" + ids[0] + ", " + ids[1] + ", ?)", found.newKeys()));
        // the staged rows counted too: they are the generation a republish puts back, and must be what went live
        long[] rows = inSql.liveAndStagedRows(runId);
        watch.inserted();
        long liveRows = rows[0];
        if (liveRows == expectedRows || rows[1] != expectedRows) {
            return new PublishChanges(removed, found.keptRows, inserted, rows[1],
                    SqlComparison.CHANGED_ROWS_ONLY + ", compared in memory");
        }
        // another writer, or a DELETE that matched a kept row its collation calls equal: the staged rows, all of them
        PublishChanges full = inSql.fullReplace(runId, "the changed rows left " + liveRows + " rows in " + live
                + ", not the " + expectedRows + " staged", watch);
        return new PublishChanges(removed + full.removed() - inserted, 0, full.inserted(), full.copied(), full.way());
    }

    /** Whether an index of the live table starts with its user column, as the JDBC driver's metadata tells. */
    private boolean userColumnIndexed() {
        var table = statements.table();
        return Boolean.TRUE.equals(statements.jdbc().execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            Optional<TableShape> live = TableShape.read(meta, connection.getSchema(), table.table());
            return live.isPresent() && live.get().indexLeadsOn(meta, table.userColumn());
        }));
    }
}
