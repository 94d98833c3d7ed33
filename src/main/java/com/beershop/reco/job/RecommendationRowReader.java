package com.beershop.reco.job;

import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.scoring.RecommendationLists;
import org.springframework.batch.infrastructure.item.ItemReader;

/** Reads the model arm's recommendation lists as rows, user by user, rank 1 first. */
class RecommendationRowReader implements ItemReader<StagedRow> {

    private final TrainingData data;
    private final RecommendationLists lists;
    private final ArmSplit arms;
    private int user;
    private int rank;

    RecommendationRowReader(TrainingData data, RecommendationLists lists, ArmSplit arms) {
        this.data = data;
        this.lists = lists;
        this.arms = arms;
    }

    @Override
    public StagedRow read() {
        while (user < lists.numUsers() && (rank >= lists.count(user) || !arms.inModelArm(user))) {
            user++;
            rank = 0;
        }
        if (user >= lists.numUsers()) {
            return null;
        }
        StagedRow row = new StagedRow(data.users().idAt(user), data.products().idAt(lists.item(user, rank)), rank + 1);
        rank++;
        return row;
    }
}
