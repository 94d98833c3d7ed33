package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OfflineEvaluatorTest {

    // every user rated 4 of 8 items, so a 25% hold-out takes exactly one item per user
    private static final InteractionMatrix RATINGS = Matrices.binary(8,
            new int[] {0, 1, 2, 3},
            new int[] {0, 2, 4, 6},
            new int[] {1, 3, 5, 7},
            new int[] {4, 5, 6, 7});

    /** Scores exactly the split's held-out items highest, so its metrics are known in advance. */
    private static Trainer oracle(HoldoutSplit split) {
        return new Trainer() {
            @Override
            public String algorithm() {
                return "oracle";
            }

            @Override
            public TrainedModel train(InteractionMatrix ratings, long seed) {
                return (user, scores) -> {
                    Arrays.fill(scores, 0f);
                    for (int item : split.testItems(user)) {
                        scores[item] = 1f;
                    }
                };
            }
        };
    }

    @Test
    void shouldScorePerfectRankingOfTheHeldOutItem() {
        // given a split with one held-out item per user and a model that puts it first
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        // when
        EvaluationResult result = new OfflineEvaluator(2, null).evaluate(oracle(split), split);
        // then each user: one hit at rank 1 of N=2, so precision 1/2 and recall, nDCG and AP 1
        assertThat(result.algorithm()).isEqualTo("oracle");
        assertThat(result.usersEvaluated()).isEqualTo(4);
        assertThat(result.precision()).isEqualTo(0.5);
        assertThat(result.recall()).isEqualTo(1.0);
        assertThat(result.ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(result.map()).isEqualTo(1.0);
        assertThat(result.rmse()).isNaN();
    }

    @Test
    void shouldNotCountHeldOutItemsThatMayNotBeRecommended() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        boolean[] allowed = new boolean[8];
        int forbidden = split.testItems(0)[0];
        Arrays.fill(allowed, true);
        allowed[forbidden] = false;
        int usersLosingTheirOnlyItem = 0;
        for (int u = 0; u < 4; u++) {
            usersLosingTheirOnlyItem += split.testItems(u)[0] == forbidden ? 1 : 0;
        }

        EvaluationResult result = new OfflineEvaluator(2, allowed).evaluate(oracle(split), split);

        assertThat(result.usersEvaluated()).isEqualTo(4 - usersLosingTheirOnlyItem);
        assertThat(result.recall()).isEqualTo(1.0);
    }

    @Test
    void shouldEvaluateTwoTrainersOnTheSameSplitDeterministically() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        OfflineEvaluator evaluator = new OfflineEvaluator(3, null);

        EvaluationResult first = evaluator.evaluate(new MostPopularTrainer(), split);
        EvaluationResult second = evaluator.evaluate(new MostPopularTrainer(), RATINGS, 0.25, 42);

        assertThat(second.ndcg()).isEqualTo(first.ndcg());
        assertThat(second.precision()).isEqualTo(first.precision());
        assertThat(second.coverage()).isEqualTo(first.coverage());
        assertThat(first.usersEvaluated()).isEqualTo(4);
    }
}
