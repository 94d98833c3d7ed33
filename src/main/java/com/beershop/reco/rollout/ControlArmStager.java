package com.beershop.reco.rollout;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stages the control arm's rows under tonight's run id, beside the model arm's lists, so the run's generation is the
 * whole table the publish puts live (and a republish restores both arms). The control rows are generation 0's
 * (the rows from before the model), or, where no generation 0 exists, the rows the live table holds now, of every
 * user whose hash puts them in the control arm. Read over a connection of its own with a cursor, so a large
 * table streams; nothing is read when every user is in the model arm.
 */
public class ControlArmStager {

    private static final Logger log = LoggerFactory.getLogger(ControlArmStager.class);

    private final DataSource dataSource;
    private final StagingRepository staging;
    private final GenerationZero generationZero;
    private final RecommendationsTable table;
    private final int batchSize;

    public ControlArmStager(DataSource dataSource, StagingRepository staging, GenerationZero generationZero,
                            RecommendationsTable table, int batchSize) {
        this.dataSource = dataSource;
        this.staging = staging;
        this.generationZero = generationZero;
        this.table = table;
        this.batchSize = batchSize;
    }

    /**
     * Captures generation 0 if this is the job's first publish over the table, then stages the control rows.
     *
     * @return control rows staged under {@code runId}
     */
    public long stage(long runId, RolloutArms arms) {
        generationZero.captureIfNeverPublished(runId);
        if (arms.everybodyModel()) {
            return 0;
        }
        boolean fromZero = generationZero.captured();
        String source = fromZero
                ? "SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = " + GenerationZero.RUN_ID
                : "SELECT " + table.userColumn() + ", " + table.productColumn() + ", " + table.rankColumn()
                        + " FROM " + table.table();
        if (!fromZero) {
            log.warn("No generation 0 (the job published before it kept one): control users keep the rows {} holds"
                    + " now", table.table());
        }
        long staged = 0;
        List<StagedRow> batch = new ArrayList<>(batchSize);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(source)) {
                select.setFetchSize(batchSize);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        if (arms.arm(user) == Arm.CONTROL) {
                            batch.add(new StagedRow(user, rs.getString(2), rs.getInt(3)));
                        }
                        if (batch.size() >= batchSize) {
                            staged += flush(runId, batch);
                        }
                    }
                }
            } finally {
                connection.rollback(); // read only
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the control arm's rows: " + e.getMessage(), e);
        }
        staged += flush(runId, batch);
        log.info("Staged {} rows of the control arm ({} of users in the model arm) from {}", staged,
                String.format(java.util.Locale.ROOT, "%.1f%%", arms.share() * 100),
                fromZero ? "generation 0" : "the live table");
        return staged;
    }

    private int flush(long runId, List<StagedRow> batch) {
        int n = batch.size();
        if (n > 0) {
            staging.insert(runId, batch, Arm.CONTROL.label());
            batch.clear();
        }
        return n;
    }
}
