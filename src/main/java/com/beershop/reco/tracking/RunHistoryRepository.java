package com.beershop.reco.tracking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code reco_run_history}. */
public class RunHistoryRepository {

    private static final String COLUMNS = """
            job_execution_id, run_mode, started_at, ended_at, app_version, algorithm, params, seed, data_fingerprint,
            ratings_read, ratings_rejected, rejected_by_reason, duplicate_ratings, unrecommendable_ratings, ratings_used,
            users, products, top_n, users_evaluated, precision_at_n, recall_at_n, ndcg_at_n, map_at_n, coverage, rmse,
            mae, baseline_ndcg_at_n, train_seconds, score_seconds, step_seconds, rows_published, gate_verdict,
            gate_reason, published, outcome, outcome_reason, exit_code""";

    private final JdbcTemplate jdbc;

    public RunHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RunRecord r) {
        jdbc.update("INSERT INTO reco_run_history (" + COLUMNS + ") VALUES ("
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.jobExecutionId, r.runMode, ts(r.startedAt), ts(r.endedAt), r.appVersion, r.algorithm,
                clip(r.params, 1000), r.seed, r.dataFingerprint, r.ratingsRead, r.ratingsRejected,
                clip(r.rejectedByReason, 1000), r.duplicateRatings, r.unrecommendableRatings, r.ratingsUsed, r.users,
                r.products, r.topN, r.usersEvaluated, finite(r.precisionAtN), finite(r.recallAtN), finite(r.ndcgAtN),
                finite(r.mapAtN), finite(r.coverage), finite(r.rmse), finite(r.mae), finite(r.baselineNdcgAtN),
                finite(r.trainSeconds), finite(r.scoreSeconds), clip(r.stepSeconds, 1000), r.rowsPublished,
                r.gateVerdict, clip(r.gateReason, 1000), r.published, r.outcome, clip(r.outcomeReason, 2000),
                r.exitCode);
    }

    /** The most recent run that published, if any: the reference the quality gate compares with. */
    public Optional<RunRecord> lastPublished() {
        return newest("SELECT id, " + COLUMNS + " FROM reco_run_history WHERE published = ? ORDER BY id DESC", 1, true)
                .stream().findFirst();
    }

    /** The newest {@code limit} rows, newest first. */
    public List<RunRecord> recent(int limit) {
        return newest("SELECT id, " + COLUMNS + " FROM reco_run_history ORDER BY id DESC", limit);
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

    private static final RowMapper<RunRecord> MAPPER = (rs, i) -> {
        RunRecord r = new RunRecord();
        r.id = rs.getLong("id");
        r.jobExecutionId = getLong(rs, "job_execution_id");
        r.runMode = rs.getString("run_mode");
        r.startedAt = toLocal(rs.getTimestamp("started_at"));
        r.endedAt = toLocal(rs.getTimestamp("ended_at"));
        r.appVersion = rs.getString("app_version");
        r.algorithm = rs.getString("algorithm");
        r.params = rs.getString("params");
        r.seed = getLong(rs, "seed");
        r.dataFingerprint = rs.getString("data_fingerprint");
        r.ratingsRead = getLong(rs, "ratings_read");
        r.ratingsRejected = getLong(rs, "ratings_rejected");
        r.rejectedByReason = rs.getString("rejected_by_reason");
        r.duplicateRatings = getLong(rs, "duplicate_ratings");
        r.unrecommendableRatings = getLong(rs, "unrecommendable_ratings");
        r.ratingsUsed = getLong(rs, "ratings_used");
        r.users = getInt(rs, "users");
        r.products = getInt(rs, "products");
        r.topN = getInt(rs, "top_n");
        r.usersEvaluated = getInt(rs, "users_evaluated");
        r.precisionAtN = getDouble(rs, "precision_at_n");
        r.recallAtN = getDouble(rs, "recall_at_n");
        r.ndcgAtN = getDouble(rs, "ndcg_at_n");
        r.mapAtN = getDouble(rs, "map_at_n");
        r.coverage = getDouble(rs, "coverage");
        r.rmse = getDouble(rs, "rmse");
        r.mae = getDouble(rs, "mae");
        r.baselineNdcgAtN = getDouble(rs, "baseline_ndcg_at_n");
        r.trainSeconds = getDouble(rs, "train_seconds");
        r.scoreSeconds = getDouble(rs, "score_seconds");
        r.stepSeconds = rs.getString("step_seconds");
        r.rowsPublished = getLong(rs, "rows_published");
        r.gateVerdict = rs.getString("gate_verdict");
        r.gateReason = rs.getString("gate_reason");
        r.published = rs.getBoolean("published");
        r.outcome = rs.getString("outcome");
        r.outcomeReason = rs.getString("outcome_reason");
        r.exitCode = getInt(rs, "exit_code");
        return r;
    };

    private static Timestamp ts(java.time.LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static java.time.LocalDateTime toLocal(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    /** NaN and infinities do not fit every database's FLOAT: store them as NULL (not measured). */
    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
