package com.beershop.reco.job;

import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.scoring.RecommendationLists;
import org.springframework.batch.infrastructure.item.ItemReader;

/** Reads the run's recommendation lists as rows, user by user, rank 1 first. */
class RecommendationRowReader implements ItemReader<StagedRow> {

    private final TrainingData data;
    private final RecommendationLists lists;
    private int user;
    private int rank;

    RecommendationRowReader(TrainingData data, RecommendationLists lists) {
        this.data = data;
        this.lists = lists;
    }

    @Override
    public StagedRow read() {
        while (user < lists.numUsers() && rank >= lists.count(user)) {
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
