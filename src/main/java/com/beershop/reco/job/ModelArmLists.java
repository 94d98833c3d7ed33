package com.beershop.reco.job;

import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.publish.StagedLists;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.scoring.RecommendationLists;

import java.util.Optional;

/** The model arm's lists as the publish compares them: the rows {@link RecommendationRows} staged, by user. */
final class ModelArmLists implements StagedLists {

    private final TrainingData data;
    private final RecommendationLists lists;
    private final ArmSplit arms;

    private ModelArmLists(TrainingData data, RecommendationLists lists, ArmSplit arms) {
        this.data = data;
        this.lists = lists;
        this.arms = arms;
    }

    /**
     * The staged rows, when the run holds them all in memory: not when the control arm staged rows of its own (they
     * come from yesterday's table, in SQL), nor in a step that did not score tonight's lists.
     */
    static Optional<StagedLists> of(StageResult<CheckedInput> input, StageResult<RecommendationLists> lists,
                                    StageResult<ArmSplit> arms, StageResult<Long> stagedRows) {
        if (input.find().isEmpty() || lists.find().isEmpty() || arms.find().isEmpty() || stagedRows.find().isEmpty()
                || stagedRows.get() != arms.get().modelRows()) {
            return Optional.empty();
        }
        return Optional.of(new ModelArmLists(input.get().data(), lists.get(), arms.get()));
    }

    @Override
    public int users() {
        return lists.numUsers();
    }

    @Override
    public int userNumber(String userId) {
        return data.users().indexOf(userId);
    }

    @Override
    public String userId(int user) {
        return data.users().idAt(user);
    }

    @Override
    public int count(int user) {
        return arms.inModelArm(user) ? lists.count(user) : 0;
    }

    @Override
    public String productId(int user, int rank) {
        return data.products().idAt(lists.item(user, rank - 1));
    }
}
