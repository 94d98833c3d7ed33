package com.beershop.reco.tracking;

import com.beershop.reco.evaluation.selection.RecordedSelection;
import com.beershop.reco.evaluation.selection.SelectionResult;
import com.beershop.reco.model.AlgorithmSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** Writes and reads {@code reco_selection}: one row per model selection, the latest of which later runs reuse. */
public class SelectionRecordRepository {

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    public SelectionRecordRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("reco_selection").usingGeneratedKeyColumns("id")
                .usingColumns("job_execution_id", "run_mode", "selected_at", "reason", "data_fingerprint", "ratings",
                        "users", "products", "configuration_key", "chosen_spec", "validation_ndcg", "candidates",
                        "evaluated", "skipped", "work_budget", "work_spent", "wall_limit_seconds", "wall_limit_hit",
                        "seconds");
    }

    /** @return the new row's id */
    public long insert(long jobExecutionId, RunMode runMode, Instant selectedAt, String reason,
                       String dataFingerprint, RecordedSelection.DataShape data, String configurationKey,
                       SelectionResult result) {
        SelectionResult.Budget budget = result.budget();
        Map<String, Object> row = new HashMap<>();
        row.put("job_execution_id", jobExecutionId);
        row.put("run_mode", runMode.word());
        row.put("selected_at", LocalDateTime.ofInstant(selectedAt, ZoneOffset.UTC));
        row.put("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        row.put("data_fingerprint", dataFingerprint);
        row.put("ratings", data.ratings());
        row.put("users", data.users());
        row.put("products", data.products());
        row.put("configuration_key", configurationKey);
        row.put("chosen_spec", result.chosen().text());
        row.put("validation_ndcg", Double.isFinite(result.chosenNdcg()) ? result.chosenNdcg() : null);
        row.put("candidates", result.candidates().size());
        row.put("evaluated", (int) result.evaluated());
        row.put("skipped", (int) result.skipped());
        row.put("work_budget", budget.workUnits());
        row.put("work_spent", budget.unitsSpent());
        row.put("wall_limit_seconds", budget.wallLimitSeconds());
        row.put("wall_limit_hit", budget.wallLimitHit());
        row.put("seconds", result.seconds());
        return insert.executeAndReturnKey(row).longValue();
    }

    /** The newest selection, if any was recorded. */
    public Optional<RecordedSelection> latest() {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT * FROM reco_selection ORDER BY id DESC");
            statement.setMaxRows(1);
            return statement;
        }, (rs, i) -> map(rs)).stream().findFirst();
    }

    private static RecordedSelection map(ResultSet rs) throws SQLException {
        double ndcg = rs.getDouble("validation_ndcg");
        if (rs.wasNull()) {
            ndcg = Double.NaN;
        }
        return new RecordedSelection(rs.getLong("id"), rs.getLong("job_execution_id"),
                rs.getObject("selected_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("data_fingerprint"),
                new RecordedSelection.DataShape(rs.getLong("ratings"), rs.getInt("users"), rs.getInt("products")),
                rs.getString("configuration_key"), AlgorithmSpec.parse(rs.getString("chosen_spec")),
                ndcg);
    }
}
