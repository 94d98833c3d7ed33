package com.beershop.reco.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live rows compared with a run's staged rows in SQL: a DELETE of the live rows the run did not stage and an
 * INSERT ... SELECT of the staged rows that are not live, each an anti-join over both tables; and the full replace,
 * every live row deleted and every staged row inserted. Both run inside the publish's transaction.
 */
final class SqlComparison {

    // the publish's own lines, under its logger: one name to follow a publish by in the logs
    private static final Logger log = LoggerFactory.getLogger(RecommendationPublisher.class);
    static final String CHANGED_ROWS_ONLY = "changed rows only";

    private final LiveTableStatements statements;

    SqlComparison(LiveTableStatements statements) {
        this.statements = statements;
    }

    /**
     * Deletes the live rows the run did not stage, inserts the staged rows that are not live, then counts: the live
     * table must hold exactly as many rows as the run staged. More means a row kept twice (a live table without a
     * key can hold a row twice): then the full replace, in the same transaction.
     */
    PublishChanges changedRowsOnly(long runId, long expectedRows, PublishStopwatch watch) {
        var table = statements.table();
        String live = table.table();
        // SQL Server allows no alias on a DELETE's target without a second FROM, which PostgreSQL does not parse:
        // the subquery names the live table by its own name, the last part of a schema-qualified one
        String outer = live.substring(live.lastIndexOf('.') + 1);
        long before = statements.jdbc().queryForObject("SELECT COUNT(*) FROM " + live, Long.class);
        int removed = statements.update("DELETE FROM " + live + " WHERE NOT EXISTS (SELECT 1 FROM reco_staging s"
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
            PublishChanges full = fullReplace(runId, "only " + unchanged + " of the " + expectedRows
                    + " rows staged were live already", watch);
            return new PublishChanges(removed + full.removed(), 0, full.inserted(), full.copied(), full.way());
        }
        int inserted = statements.update("INSERT INTO " + live + statements.columns()
                        + " SELECT s.user_id, s.product_id, s.item_rank FROM reco_staging s WHERE s.run_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + live + " l WHERE l." + table.userColumn() + " = s.user_id"
                        + " AND l." + table.productColumn() + " = s.product_id"
                        + " AND l." + table.rankColumn() + " = s.item_rank)",
                "INSERT on " + live + " (or SELECT on it or on reco_staging)", runId);
        long[] rows = liveAndStagedRows(runId);
        watch.inserted();
        long liveRows = rows[0];
        long staged = rows[1];
        // as many live rows as staged: the live table is the run's rows. A staging table that changed under the run
        // is refused after the run lock's check (a full replace would copy as many rows)
        if (liveRows == staged || staged != expectedRows) {
            return new PublishChanges(removed, liveRows - inserted, inserted, staged, CHANGED_ROWS_ONLY);
        }
        PublishChanges full = fullReplace(runId, "the changed rows left " + liveRows + " rows in " + live + ", not the "
                + staged + " staged (a row it held twice was kept twice)", watch);
        // every row that was live before is gone, both DELETEs counted once; the INSERTs' rows count once
        return new PublishChanges(removed + full.removed() - inserted, 0, full.inserted(), full.copied(), full.way());
    }

    /** Every live row deleted, every staged row inserted. */
    PublishChanges fullReplace(long runId, String why, PublishStopwatch watch) {
        String live = statements.table().table();
        log.info("Publishing every row of run {} to {}, not only the changed ones: {}", runId, live, why);
        int removed = statements.update("DELETE FROM " + live, "DELETE on " + live);
        watch.deleted();
        int inserted = statements.update("INSERT INTO " + live + statements.columns()
                        + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?",
                "INSERT on " + live + " (or SELECT on reco_staging)", runId);
        return new PublishChanges(removed, 0, inserted, inserted, "full replace: " + why);
    }

    /** How many rows the live table holds, and how many the run staged: the generation a republish puts back. */
    long[] liveAndStagedRows(long runId) {
        return statements.jdbc().queryForObject("SELECT (SELECT COUNT(*) FROM " + statements.table().table() + "),"
                        + " (SELECT COUNT(*) FROM reco_staging WHERE run_id = ?)",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, runId);
    }
}
