package com.beershop.reco.generation;

import com.beershop.reco.testing.MigratedDatabase;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Run history and staged rows as the job leaves them, written with plain SQL into a migrated database: runs that
 * published (a history row and their staged rows), republishes, and the live table a publish filled.
 */
final class PublishedRuns {

    static final LocalDateTime NIGHT = LocalDateTime.of(2026, 11, 20, 2, 30);

    private final MigratedDatabase db;

    PublishedRuns(MigratedDatabase db) {
        this.db = db;
    }

    /** Run {@code runId} staged {@code users} users' lists of {@code perUser} items and published them. */
    void published(long runId, int users, int perUser) {
        published(runId, users, perUser, "fp-" + runId, 0.25 + runId / 1000.0);
    }

    void published(long runId, int users, int perUser, String fingerprint, Double ndcg) {
        stage(runId, users, perUser);
        db.jdbc.update("""
                INSERT INTO reco_run_history (job_execution_id, run_mode, started_at, ended_at, algorithm,
                    data_fingerprint, ndcg_at_n, rows_published, published, outcome, exit_code)
                VALUES (?, 'run', ?, ?, 'als', ?, ?, ?, ?, 'PUBLISHED', 0)""", runId, NIGHT.plusDays(runId),
                NIGHT.plusDays(runId).plusMinutes(9), fingerprint, ndcg, (long) users * perUser, true);
    }

    /** A run that ran but did not publish (refused): a history row with published false. */
    void refused(long runId) {
        db.jdbc.update("""
                INSERT INTO reco_run_history (job_execution_id, run_mode, started_at, published, outcome, exit_code)
                VALUES (?, 'run', ?, ?, 'QUALITY_REFUSED', 4)""", runId, NIGHT.plusDays(runId), false);
    }

    /** A republish of {@code restoredRunId} that put it live again. */
    void republished(long restoredRunId, LocalDateTime at) {
        db.jdbc.update("""
                INSERT INTO reco_run_history (run_mode, started_at, algorithm, rows_published, published, outcome,
                    exit_code, restored_run_id)
                VALUES ('republish', ?, 'als', 0, ?, 'REPUBLISHED', 0, ?)""", at, true, restoredRunId);
    }

    /** Staged rows of one run: user {@code U<run>-<u>}, product {@code B<run>-<rank>}. */
    void stage(long runId, int users, int perUser) {
        for (int u = 1; u <= users; u++) {
            for (int rank = 1; rank <= perUser; rank++) {
                db.jdbc.update("INSERT INTO reco_staging (run_id, user_id, product_id, item_rank) VALUES (?, ?, ?, ?)",
                        runId, "U" + runId + "-" + u, "B" + runId + "-" + rank, rank);
            }
        }
    }

    /** The live table holds {@code runId}'s staged rows, as its publish left it. */
    void live(long runId) {
        db.jdbc.update("DELETE FROM recommendations");
        db.jdbc.update("INSERT INTO recommendations (user_id, product_id, rank)"
                + " SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?", runId);
    }

    List<String> liveRows() {
        return db.jdbc.query("SELECT user_id, product_id, rank FROM recommendations ORDER BY user_id, rank",
                (rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3));
    }

    List<String> stagedRows(long runId) {
        return db.jdbc.query("SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?"
                + " ORDER BY user_id, item_rank", (rs, i) -> rs.getString(1) + ":" + rs.getString(2) + ":"
                + rs.getInt(3), runId);
    }

    /** Run ids with staged rows, ascending. */
    List<Long> stagedRuns() {
        return db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class);
    }
}
