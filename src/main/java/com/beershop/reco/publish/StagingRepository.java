package com.beershop.reco.publish;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The job's staging table. Each run writes under its own run id, so rows left by a killed run never mix with the
 * next run's; they are cleared when the next run starts staging.
 */
public class StagingRepository {

    private static final String INSERT = """
            INSERT INTO reco_staging (run_id, user_id, product_id, item_rank) VALUES (?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;

    public StagingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes rows of every other run: leftovers of runs that died before publishing. */
    public int clearOtherRuns(long runId) {
        return jdbc.update("DELETE FROM reco_staging WHERE run_id <> ?", runId);
    }

    public int clearRun(long runId) {
        return jdbc.update("DELETE FROM reco_staging WHERE run_id = ?", runId);
    }

    public void insert(long runId, List<StagedRow> rows) {
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                StagedRow row = rows.get(i);
                ps.setLong(1, runId);
                ps.setString(2, row.userId());
                ps.setString(3, row.productId());
                ps.setInt(4, row.rank());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    public long count(long runId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", Long.class, runId);
        return count == null ? 0 : count;
    }

    /** One recommendation as staged: rank 1 is the best. */
    public record StagedRow(String userId, String productId, int rank) {
    }
}
