package com.beershop.reco.rollout;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.publish.StagingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Generation 0: the live table's rows from before the model (on a new installation, the shop's hand-made rows),
 * kept in {@code reco_staging} under run id -1 ({@link #RUN_ID}), which no prune ever removes. Captured once, the first time a run
 * stages over a table the job has never written (no run has published and nothing was captured yet), in one
 * transaction with its marker row in {@code reco_generation_zero}. Control users get these rows back; share 0 puts
 * all of them back. An installation that published before this version has no generation 0: its control users keep
 * the rows they have.
 */
public class GenerationZero {

    /** The run id generation 0 is staged under; no job execution has a negative id. */
    public static final long RUN_ID = StagingRepository.GENERATION_ZERO;

    private static final Logger log = LoggerFactory.getLogger(GenerationZero.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RecommendationsTable table;

    /** @param ownTransaction a template that starts a new transaction, so the capture commits on its own */
    public GenerationZero(JdbcTemplate jdbc, TransactionTemplate ownTransaction, RecommendationsTable table) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.table = table;
    }

    public boolean captured() {
        Long markers = jdbc.queryForObject("SELECT COUNT(*) FROM reco_generation_zero", Long.class);
        return markers != null && markers > 0;
    }

    /**
     * Copies the live table into generation 0 when no run has ever published and it was not captured before.
     *
     * @return rows captured, or -1 when nothing was captured
     */
    public long captureIfNeverPublished(long runId) {
        Long published = jdbc.queryForObject("SELECT COUNT(*) FROM reco_run_history WHERE published = ?",
                Long.class, true);
        if ((published != null && published > 0) || captured()) {
            return -1;
        }
        Long rows = ownTransaction.execute(status -> {
            jdbc.update("DELETE FROM reco_staging WHERE run_id = ?", RUN_ID);
            long copied = jdbc.update("INSERT INTO reco_staging (run_id, user_id, product_id, item_rank, arm)"
                    + " SELECT ?, " + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn()
                    + ", ? FROM " + table.table(), RUN_ID, Arm.CONTROL.label());
            jdbc.update("INSERT INTO reco_generation_zero (captured_by_run, captured_at, rows_captured) VALUES (?, ?, ?)",
                    runId, Timestamp.valueOf(LocalDateTime.now()), copied);
            return copied;
        });
        log.info("Generation 0 captured: the {} rows {} held before the model, kept for the control arm and for"
                + " share 0", rows, table.table());
        return rows == null ? 0 : rows;
    }
}
