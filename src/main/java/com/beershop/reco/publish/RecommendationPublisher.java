package com.beershop.reco.publish;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces the live recommendation table's rows with one run's staged rows in a single short transaction:
 * DELETE then INSERT ... SELECT. Readers on other connections keep seeing yesterday's rows until the commit
 * (MVCC on PostgreSQL and H2; READ_COMMITTED_SNAPSHOT on SQL Server), then all of today's. No DDL, no rename:
 * the Go service's table keeps its schema, indexes and grants.
 */
public class RecommendationPublisher {

    private static final Logger log = LoggerFactory.getLogger(RecommendationPublisher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecommendationsTable table;

    public RecommendationPublisher(JdbcTemplate jdbc, TransactionTemplate transaction, RecommendationsTable table) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.table = table;
    }

    /**
     * @param expectedRows how many rows the run staged; anything else rolls the publish back
     * @return what changed in the live table
     */
    public PublishResult publish(long runId, long expectedRows) {
        String delete = "DELETE FROM " + table.table();
        String copy = "INSERT INTO " + table.table()
                + " (" + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn() + ")"
                + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?";
        long started = System.nanoTime();
        PublishResult published = transaction.execute(status -> {
            int removed = jdbc.update(delete);
            int inserted = jdbc.update(copy, runId);
            if (inserted != expectedRows) {
                throw new IllegalStateException("publish copied " + inserted + " rows but the run staged "
                        + expectedRows + "; rolled back, the live table is unchanged");
            }
            log.info("Publishing: replaced {} live rows with {} new rows", removed, inserted);
            return new PublishResult(runId, removed, inserted);
        });
        log.info("Published {} rows to {} in {} ms (one transaction)", published.rowsPublished(), table.table(),
                (System.nanoTime() - started) / 1_000_000);
        return published;
    }
}
