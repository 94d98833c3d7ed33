package com.beershop.reco.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Removes the job's own records older than {@code reco.tracking.retention-days}: run history, model selection and
 * Spring Batch's metadata of old job executions, after a publish, in a transaction of its own. The generations kept
 * for republish keep every row: their history (the republish copies it), their model selection and their metadata.
 */
public class HistoryRetention {

    /** Ids per IN list: well under SQL Server's 2,100 parameters of a statement. */
    private static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int retentionDays;
    private final Clock clock;

    /** What one pass removed. */
    public record Removed(int historyRows, int jobExecutions) {
    }

    /**
     * @param ownTransaction a template that starts a new transaction (REQUIRES_NEW): a failure rolls back only the
     *                       retention, never the publish before it
     */
    public HistoryRetention(JdbcTemplate jdbc, TransactionTemplate ownTransaction, int retentionDays, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** After a publish that kept {@code keptGenerations} (run ids, the new live one included). */
    public Removed applyAfterPublish(Collection<Long> keptGenerations) {
        if (retentionDays == 0) {
            return new Removed(0, 0);
        }
        Timestamp cutoff = Timestamp.valueOf(LocalDateTime.now(clock).minusDays(retentionDays));
        Removed removed = ownTransaction.execute(status -> remove(cutoff, List.copyOf(keptGenerations)));
        if (removed.historyRows() > 0 || removed.jobExecutions() > 0) {
            log.info("Retention ({} days): removed {} run-history row(s) and {} job execution(s) older than {}; the {}"
                    + " kept generation(s) {} keep theirs", retentionDays, removed.historyRows(),
                    removed.jobExecutions(), cutoff, keptGenerations.size(), keptGenerations);
        }
        return removed;
    }

    private Removed remove(Timestamp cutoff, List<Long> kept) {
        List<Long> executions = new ArrayList<>(jdbc.queryForList(
                "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE CREATE_TIME < ?", Long.class, cutoff));
        executions.removeAll(kept);
        for (List<Long> ids : chunks(executions)) {
            removeExecutions(ids);
        }
        String keptGenerations = kept.isEmpty() ? "" : " AND COALESCE(restored_run_id, job_execution_id, -1) NOT IN ("
                + placeholders(kept.size()) + ")";
        List<Object> args = new ArrayList<>(List.of(cutoff));
        args.addAll(kept);
        int history = jdbc.update("DELETE FROM reco_run_history WHERE started_at < ?" + keptGenerations, args.toArray());
        return new Removed(history, executions.size());
    }

    /** Children first: Spring Batch's tables reference each other with foreign keys. */
    private void removeExecutions(List<Long> ids) {
        String in = "(" + placeholders(ids.size()) + ")";
        Object[] args = ids.toArray();
        List<Long> instances = jdbc.queryForList(
                "SELECT DISTINCT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN " + in, Long.class, args);
        jdbc.update("DELETE FROM reco_model_selection WHERE job_execution_id IN " + in, args);
        jdbc.update("DELETE FROM reco_selection WHERE job_execution_id IN " + in, args);
        jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID"
                + " FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN " + in + ")", args);
        jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN " + in, args);
        jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN " + in, args);
        jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN " + in, args);
        jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN " + in, args);
        // only the instances these executions belonged to, once none of their executions is left
        if (!instances.isEmpty()) {
            jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (" + placeholders(instances.size())
                    + ") AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e"
                    + " WHERE e.JOB_INSTANCE_ID = BATCH_JOB_INSTANCE.JOB_INSTANCE_ID)", instances.toArray());
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        if (ids.isEmpty()) {
            return Collections.emptyList();
        }
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
