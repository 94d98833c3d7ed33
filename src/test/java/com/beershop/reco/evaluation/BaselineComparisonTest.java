package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.SplittableRandom;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Whether the gate compares tonight's model with the last published configuration is decided here: only when that
 * configuration is a different model, and only when this version can still build it.
 */
class BaselineComparisonTest {

    private static final Workers WORKERS = Workers.of(2);
    private static final TrainerCatalog TRAINERS = TrainerCatalog.standard(WORKERS);
    private static final BaselineComparison COMPARISON = new BaselineComparison(TRAINERS,
            new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5), 0, 0));
    private static final InteractionMatrix RATINGS = randomRatings(60, 25, 8, 3);
    private static final AlgorithmSpec TONIGHT = AlgorithmSpec.parse("ease:lambda=50");

    @AfterAll
    static void closeWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldNotCompareWithTheLastPublishedConfigurationWhenItIsTonightsModel() {
        // the same model spelt differently: parameters in another order is still the same model
        HoldoutEvaluation same = COMPARISON.evaluate(TONIGHT, ScoringInput.of(RATINGS),
                AlgorithmSpec.parse("ease:lambda=50.0"));

        assertThat(same.lastPublished()).as("nothing to compare across nights").isNull();
        assertThat(same.model()).isNotNull();
    }

    @Test
    void shouldMeasureTheLastPublishedConfigurationOnTonightsSplitWhenItDiffers() {
        AlgorithmSpec published = AlgorithmSpec.parse("ease:lambda=5000");

        HoldoutEvaluation different = COMPARISON.evaluate(TONIGHT, ScoringInput.of(RATINGS), published);

        OfflineEvaluator evaluator = new OfflineEvaluator(5, null, 0, WORKERS);
        double alone = evaluator.evaluate(TRAINERS.create(published), HoldoutSplit.perUser(RATINGS, 0.25, 7)).ndcg();
        assertThat(different.lastPublished()).isNotNull();
        assertThat(different.lastPublished().ndcg()).as("the published configuration on the very same split")
                .isEqualTo(alone);
    }

    @Test
    void shouldFallBackToTheBaselineAndTheFloorWhenTheLastPublishedConfigurationCannotBeBuiltAnyMore() {
        // a parameter this version no longer knows (renamed in a later release, say)
        AlgorithmSpec unbuildable = AlgorithmSpec.parse("ease:lambda=50,shrinkage=3");

        HoldoutEvaluation evaluation = COMPARISON.evaluate(TONIGHT, ScoringInput.of(RATINGS), unbuildable);

        assertThat(evaluation.lastPublished()).isNull();
        assertThat(evaluation.baseline()).as("most-popular is still measured").isNotNull();
        QualityGate gate = new QualityGate(true, 0.001, true, 0.05);
        assertThat(gate.judge(evaluation, 7L, Optional.empty()))
                .as("judged as on a first night: floor and most-popular only")
                .isEqualTo(gate.judge(evaluation, null, Optional.empty()));
    }

    @Test
    void shouldCompareWithMostPopularAloneOnTheFirstNight() {
        HoldoutEvaluation first = COMPARISON.evaluate(TONIGHT, ScoringInput.of(RATINGS), null);

        OfflineEvaluator evaluator = new OfflineEvaluator(5, null, 0, WORKERS);
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 7);
        assertThat(first.lastPublished()).isNull();
        assertThat(first.model().ndcg()).isEqualTo(evaluator.evaluate(TRAINERS.create(TONIGHT), split).ndcg());
        assertThat(first.baseline().ndcg()).isEqualTo(evaluator.evaluate(TRAINERS.create(
                AlgorithmSpec.parse("most-popular")), split).ndcg());
        assertThat(first.splitModel()).as("kept for the final training to start from").isNotNull();
    }

    @Test
    void shouldNotMeasureMostPopularAgainstItselfWhenItIsTonightsModel() {
        HoldoutEvaluation popular = COMPARISON.evaluate(AlgorithmSpec.parse("most-popular"), ScoringInput.of(RATINGS),
                null);

        assertThat(popular.baseline()).isNull();
        assertThat(popular.baselineNdcg()).isNaN();
        assertThat(popular.model().algorithm()).isEqualTo("most-popular");
    }

    private static InteractionMatrix randomRatings(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            for (int r = 0; r < perUser; r++) {
                builder.add(u, (int) (items * Math.pow(random.nextDouble(), 2)), 1f, Long.MIN_VALUE);
            }
        }
        return builder.build(users, items);
    }
}
