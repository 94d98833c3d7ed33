package com.beershop.reco.tracking;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code reco_run_history}. Columns and {@link RunRecord} components share their names
 * (snake case in SQL, camel case in Java), so neither direction lists columns by hand.
 */
public class RunHistoryRepository {

    private static final RowMapper<RunRecord> MAPPER = new DataClassRowMapper<>(RunRecord.class);

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    public RunHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("reco_run_history").usingGeneratedKeyColumns("id");
    }

    /** @return the new row's id */
    public long insert(RunRecord record) {
        return insert.executeAndReturnKey(new SimplePropertySqlParameterSource(record)).longValue();
    }

    /** The most recent run that published, if any: the reference the quality gate compares with. */
    public Optional<RunRecord> lastPublished() {
        return newest("SELECT * FROM reco_run_history WHERE published = ? ORDER BY id DESC", 1, true)
                .stream().findFirst();
    }

    /** The newest row of a nightly run ({@code run} mode), whatever its outcome. */
    public Optional<RunRecord> lastNightly() {
        return newest("SELECT * FROM reco_run_history WHERE run_mode = ? ORDER BY id DESC", 1, RunMode.RUN.word())
                .stream().findFirst();
    }

    /** The newest row a job execution wrote (a run writes one; evaluate one per candidate). */
    public Optional<RunRecord> ofJobExecution(long jobExecutionId) {
        return newest("SELECT * FROM reco_run_history WHERE job_execution_id = ? ORDER BY id DESC", 1, jobExecutionId)
                .stream().findFirst();
    }

    /** The data fingerprint a run recorded, if it got that far. */
    public Optional<String> fingerprintOfRun(long jobExecutionId) {
        return jdbc.queryForList("SELECT data_fingerprint FROM reco_run_history WHERE job_execution_id = ?"
                + " AND run_mode = 'run' AND data_fingerprint IS NOT NULL", String.class, jobExecutionId).stream().findFirst();
    }

    /** True when a run that started after {@code jobExecutionId} has already published. */
    public boolean publishedSince(long jobExecutionId) {
        Long newer = jdbc.queryForObject("SELECT COUNT(*) FROM reco_run_history WHERE published = ? AND job_execution_id > ?",
                Long.class, true, jobExecutionId);
        return newer != null && newer > 0;
    }

    /**
     * The generations most recently put live, newest first: the run ids whose staged rows a run or a republish
     * published, ordered by the last time each went live, so a generation that was republished counts as recent.
     */
    public List<Long> liveGenerations(int limit) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT COALESCE(restored_run_id, job_execution_id) AS generation, MAX(id) AS last_live
                    FROM reco_run_history
                    WHERE published = ? AND COALESCE(restored_run_id, job_execution_id) IS NOT NULL
                    GROUP BY COALESCE(restored_run_id, job_execution_id)
                    ORDER BY last_live DESC""");
            statement.setMaxRows(limit);
            statement.setBoolean(1, true);
            return statement;
        }, (rs, i) -> rs.getLong(1));
    }

    /** The row of the run (job execution) that first published generation {@code runId}, if it did. */
    public Optional<RunRecord> publishedRun(long runId) {
        return newest("SELECT * FROM reco_run_history WHERE job_execution_id = ? AND published = ?"
                + " AND restored_run_id IS NULL ORDER BY id DESC", 1, runId, true).stream().findFirst();
    }

    /** The newest {@code limit} rows, newest first. */
    public List<RunRecord> recent(int limit) {
        return newest("SELECT * FROM reco_run_history ORDER BY id DESC", limit);
    }

    /** The first {@code limit} rows only; setMaxRows is the portable LIMIT / TOP. */
    private List<RunRecord> newest(String sql, int limit, Object... args) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setMaxRows(limit);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, MAPPER);
    }
}
