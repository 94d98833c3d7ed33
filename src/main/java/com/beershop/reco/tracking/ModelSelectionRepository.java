package com.beershop.reco.tracking;

import com.beershop.reco.evaluation.selection.CandidateScore;
import com.beershop.reco.evaluation.selection.SelectionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Writes and reads {@code reco_model_selection}: every candidate of a run's model selection, in the order tried. */
public class ModelSelectionRepository {

    private static final RowMapper<Candidate> MAPPER = new DataClassRowMapper<>(Candidate.class);

    /** One stored candidate; {@code params} is JSON, like {@code reco_run_history.params}. */
    public record Candidate(long jobExecutionId, String runMode, int position, String algorithm, String params,
                            String status, Double validationNdcg, double seconds, String note, boolean chosen,
                            Double workUnits) {
    }

    private final JdbcTemplate jdbc;

    public ModelSelectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long jobExecutionId, RunMode runMode, SelectionResult selection) {
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (CandidateScore c : selection.candidates()) {
            rows.add(new Object[] {jobExecutionId, runMode.word(), ++position, c.spec().name(),
                    json(c.spec().params()), c.status().name(), Double.isNaN(c.ndcg()) ? null : c.ndcg(),
                    c.seconds(), c.note().isEmpty() ? null : c.note(), c.spec().equals(selection.chosen()),
                    c.workUnits()});
        }
        jdbc.batchUpdate("""
                INSERT INTO reco_model_selection (job_execution_id, run_mode, position, algorithm, params, status,
                                                  validation_ndcg, seconds, note, chosen, work_units)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public List<Candidate> forExecution(long jobExecutionId) {
        return jdbc.query("SELECT * FROM reco_model_selection WHERE job_execution_id = ? ORDER BY position",
                MAPPER, jobExecutionId);
    }

    /** The same JSON as {@code reco_run_history.params}: numbers where the value is one. */
    private static String json(Map<String, String> params) {
        Map<String, Object> typed = new TreeMap<>();
        params.forEach((key, value) -> typed.put(key, JsonText.typed(value)));
        return JsonText.of(typed);
    }
}
