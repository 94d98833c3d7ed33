package com.beershop.reco.rollout;

import com.beershop.reco.config.InventoryProperties.RecommendationsTable;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.RecommendationPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What the live table serves now to the users of tonight's model arm: the figure the live-drop guard compares the
 * model arm's new lists with, so a collapsed model on a 5 % arm is caught although the whole table barely shrinks.
 * With every user in the model arm this is the whole table, counted as before the rollout existed.
 */
public class LiveModelArm {

    private final JdbcTemplate jdbc;
    private final RecommendationPublisher publisher;
    private final RecommendationsTable table;

    public LiveModelArm(JdbcTemplate jdbc, RecommendationPublisher publisher, RecommendationsTable table) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.table = table;
    }

    public PublishGuards.LiveTable of(RolloutArms arms) {
        if (arms.everybodyModel()) {
            return publisher.liveTable();
        }
        long[] rowsAndUsers = new long[2];
        jdbc.query("SELECT " + table.userColumn() + ", COUNT(*) FROM " + table.table() + " GROUP BY "
                + table.userColumn(), (RowCallbackHandler) rs -> {
                    if (arms.arm(rs.getString(1)) == Arm.MODEL) {
                        rowsAndUsers[0] += rs.getLong(2);
                        rowsAndUsers[1]++;
                    }
                });
        return new PublishGuards.LiveTable(rowsAndUsers[0], rowsAndUsers[1]);
    }
}
