package com.beershop.reco.job;

import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.scoring.RecommendationLists;

import java.util.ArrayList;
import java.util.List;

/** The model arm's recommendation lists as rows, user by user, rank 1 first, handed out in blocks. */
class RecommendationRows {

    private final TrainingData data;
    private final RecommendationLists lists;
    private final ArmSplit arms;
    private int user;
    private int rank;

    RecommendationRows(TrainingData data, RecommendationLists lists, ArmSplit arms) {
        this.data = data;
        this.lists = lists;
        this.arms = arms;
        skipToRow();
    }

    boolean hasNext() {
        return user < lists.numUsers();
    }

    /** The next rows, at most {@code max}; empty when none are left. */
    List<StagedRow> next(int max) {
        List<StagedRow> rows = new ArrayList<>(Math.min(max, 1 << 16));
        while (rows.size() < max && hasNext()) {
            rows.add(new StagedRow(data.users().idAt(user), data.products().idAt(lists.item(user, rank)), rank + 1));
            rank++;
            skipToRow();
        }
        return rows;
    }

    /** Moves past finished lists and the control arm's users. */
    private void skipToRow() {
        while (user < lists.numUsers() && (rank >= lists.count(user) || !arms.inModelArm(user))) {
            user++;
            rank = 0;
        }
    }
}
