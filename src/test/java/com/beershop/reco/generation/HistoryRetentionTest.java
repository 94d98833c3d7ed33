package com.beershop.reco.generation;

import com.beershop.reco.testing.CapturedLog;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of the job's own records: run history, model selection and Spring Batch's metadata older than the
 * retention days go, children before parents; the kept generations keep every row. On H2 with the job's tables.
 */
class HistoryRetentionTest {

    /** Now, for the retention: 30 days back is 2026-11-01 00:00. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 0, 0);
    private static final LocalDateTime OLD = NOW.minusDays(45);
    private static final LocalDateTime RECENT = NOW.minusDays(2);

    private final MigratedDatabase db = MigratedDatabase.h2();

    @AfterEach
    void drop() {
        db.close();
    }

    private HistoryRetention retention(int days) {
        return new HistoryRetention(db.jdbc, db.ownTransaction(), days,
                Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** A job execution with everything Spring Batch writes for it: parameters, contexts, a step, a selection row. */
    private void execution(long id, long instanceId, LocalDateTime created) {
        executions(List.of(id), instanceId, created);
    }

    private void executions(List<Long> ids, long instanceId, LocalDateTime created) {
        if (db.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", instanceId) == 0) {
            db.jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)"
                    + " VALUES (?, 0, 'recommendationJob', ?)", instanceId, "key-" + instanceId);
        }
        Timestamp at = Timestamp.valueOf(created);
        List<Object[]> rows = ids.stream().map(id -> new Object[]{id, instanceId, at}).toList();
        db.jdbc.batchUpdate("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME,"
                + " STATUS) VALUES (?, 0, ?, ?, 'COMPLETED')", rows);
        List<Object[]> byId = ids.stream().map(id -> new Object[]{id}).toList();
        db.jdbc.batchUpdate("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE,"
                + " PARAMETER_VALUE, IDENTIFYING) VALUES (?, 'run.id', 'java.lang.Long', '1', 'Y')", byId);
        db.jdbc.batchUpdate("INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID, SHORT_CONTEXT)"
                + " VALUES (?, '{}')", byId);
        List<Object[]> steps = ids.stream().map(id -> new Object[]{id * 10, id, at}).toList();
        db.jdbc.batchUpdate("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME,"
                + " JOB_EXECUTION_ID, CREATE_TIME) VALUES (?, 0, 'trainModelStep', ?, ?)", steps);
        db.jdbc.batchUpdate("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT (STEP_EXECUTION_ID, SHORT_CONTEXT)"
                + " VALUES (?, '{}')", ids.stream().map(id -> new Object[]{id * 10}).toList());
        db.jdbc.batchUpdate("INSERT INTO reco_model_selection (job_execution_id, run_mode, position, algorithm, status,"
                + " seconds, chosen) VALUES (?, 'run', 1, 'als', 'EVALUATED', 1.5, ?)",
                ids.stream().map(id -> new Object[]{id, true}).toList());
    }

    private void history(Long jobExecutionId, Long restoredRunId, LocalDateTime started) {
        db.jdbc.update("INSERT INTO reco_run_history (job_execution_id, run_mode, started_at, published, outcome,"
                + " restored_run_id) VALUES (?, ?, ?, ?, 'PUBLISHED', ?)", jobExecutionId,
                restoredRunId == null ? "run" : "republish", started, true, restoredRunId);
    }

    private List<Long> ids(String table, String column) {
        return db.jdbc.queryForList("SELECT " + column + " FROM " + table + " ORDER BY " + column, Long.class);
    }

    @Test
    void shouldRemoveOldRecordsOfEveryTableButThoseOfTheKeptGenerations() {
        // given: executions 1 and 2 are old; 3 is old but a kept generation; 4 is recent and shares 2's instance;
        // history: old rows of 1 and 3, an old republish of 3, an old row of no generation, a recent row of 4
        execution(1, 100, OLD);
        execution(2, 200, OLD);
        execution(3, 300, OLD);
        execution(4, 200, RECENT);
        history(1L, null, OLD);
        history(3L, null, OLD);
        history(null, 3L, OLD);
        history(null, null, OLD);
        history(4L, null, RECENT);

        // when
        HistoryRetention.Removed removed;
        try (CapturedLog log = CapturedLog.of(HistoryRetention.class)) {
            removed = retention(30).applyAfterPublish(List.of(4L, 3L));

            assertThat(log.lines()).containsExactly("INFO Retention (30 days): removed 2 run-history row(s) and 2 job"
                    + " execution(s) older than 2026-11-01 00:00:00.0; the 2 kept generation(s) [4, 3] keep theirs");
        }

        // then
        assertThat(removed).isEqualTo(new HistoryRetention.Removed(2, 2));
        assertThat(ids("BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID")).containsExactly(3L, 4L);
        assertThat(ids("BATCH_JOB_EXECUTION_PARAMS", "JOB_EXECUTION_ID")).containsExactly(3L, 4L);
        assertThat(ids("BATCH_JOB_EXECUTION_CONTEXT", "JOB_EXECUTION_ID")).containsExactly(3L, 4L);
        assertThat(ids("BATCH_STEP_EXECUTION", "STEP_EXECUTION_ID")).containsExactly(30L, 40L);
        assertThat(ids("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID")).containsExactly(30L, 40L);
        assertThat(ids("reco_model_selection", "job_execution_id")).containsExactly(3L, 4L);
        assertThat(ids("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID"))
                .as("200 still has execution 4").containsExactly(200L, 300L);
        assertThat(db.jdbc.queryForList("SELECT COALESCE(restored_run_id, job_execution_id) FROM reco_run_history"
                + " ORDER BY id", Long.class)).containsExactly(3L, 3L, 4L);
    }

    @Test
    void shouldRemoveNothingWhenRetentionIsOff() {
        execution(1, 100, OLD.minusYears(3));
        history(1L, null, OLD.minusYears(3));

        assertThat(retention(0).applyAfterPublish(List.of(5L))).isEqualTo(new HistoryRetention.Removed(0, 0));
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(1);
    }

    @Test
    void shouldKeepRecordsYoungerThanTheRetentionAndLogNothingWhenNothingWasOld() {
        execution(1, 100, NOW.minusDays(29));
        history(1L, null, NOW.minusDays(29));

        try (CapturedLog log = CapturedLog.of(HistoryRetention.class)) {
            assertThat(retention(30).applyAfterPublish(List.of(1L))).isEqualTo(new HistoryRetention.Removed(0, 0));
            assertThat(log.lines()).isEmpty();
        }
        assertThat(retention(28).applyAfterPublish(List.of(7L))).isEqualTo(new HistoryRetention.Removed(1, 1));
    }

    @Test
    void shouldRemoveOldHistoryWhenNoGenerationIsKept() {
        history(1L, null, OLD);
        history(null, 1L, OLD);
        history(2L, null, RECENT);

        assertThat(retention(30).applyAfterPublish(List.of())).isEqualTo(new HistoryRetention.Removed(2, 0));
        assertThat(ids("reco_run_history", "job_execution_id")).containsExactly(2L);
    }

    @Test
    void shouldRemoveOldExecutionsInChunksOfAtMostFiveHundredIds() {
        // given: exactly two chunks' worth of old executions, across two instances, and one kept
        executions(new ArrayList<>(LongStream.rangeClosed(1, 600).boxed().toList()), 100, OLD);
        executions(new ArrayList<>(LongStream.rangeClosed(601, 1001).boxed().toList()), 101, OLD);

        // when
        HistoryRetention.Removed removed = retention(30).applyAfterPublish(List.of(1001L));

        // then
        assertThat(removed.jobExecutions()).isEqualTo(1000);
        assertThat(ids("BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID")).containsExactly(1001L);
        assertThat(ids("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID")).containsExactly(101L);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isEqualTo(1);
    }
}
