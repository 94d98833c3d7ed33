package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.RecordedSelection;
import com.beershop.reco.evaluation.selection.SelectionResult;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.Workers;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One way of measuring for the gate, selection and the evaluate mode: the split, the lists and the log line. */
class HoldoutProtocolTest {

    private static final Workers WORKERS = Workers.of(1);
    private static final ListPolicy TOP_3 = ListPolicy.topN(3);

    @AfterAll
    static void closeWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldDescribeItselfForTheLogs() {
        assertThat(new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, TOP_3, 0, 0).describe())
                .isEqualTo("25% per-user random hold-out");
        assertThat(new HoldoutProtocol(SplitKind.TIME, 0.125, 7, TOP_3, 0, 0).describe())
                .isEqualTo("13% per-user latest-ratings hold-out");
    }

    @Test
    void shouldChangeOnlyTheSeedWithAnotherSeed() {
        HoldoutProtocol protocol = new HoldoutProtocol(SplitKind.TIME, 0.2, 7, TOP_3, 4, 500);

        assertThat(protocol.withSeed(8)).isEqualTo(new HoldoutProtocol(SplitKind.TIME, 0.2, 8, TOP_3, 4, 500));
        assertThat(protocol.topN()).isEqualTo(3);
    }

    @Test
    void shouldSplitAtRandomOrByTimeAsItsKindSays() {
        // one user rated items 0..3; item 0 last, item 3 first
        InteractionMatrix timed = new InteractionMatrix(1, 4, new int[] {0, 4}, new int[] {0, 1, 2, 3}, new float[4],
                new int[] {400, 300, 200, 100});
        InteractionMatrix ratings = Matrices.binary(12, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});

        HoldoutSplit latest = new HoldoutProtocol(SplitKind.TIME, 0.25, 7, TOP_3, 0, 0).split(timed);
        HoldoutSplit random = new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, TOP_3, 0, 0).split(ratings);

        assertThat(latest.testItems(0)).containsExactly(0);
        assertThat(latest.seed()).isEqualTo(7);
        assertThat(random.testItems(0)).containsExactly(HoldoutSplit.perUser(ratings, 0.25, 7).testItems(0));
        assertThat(random.seed()).isEqualTo(7);
        InteractionMatrix untimed = new InteractionMatrix(1, 4, new int[] {0, 4}, new int[] {0, 1, 2, 3},
                new float[4]);
        assertThatThrownBy(() -> new HoldoutProtocol(SplitKind.TIME, 0.25, 7, TOP_3, 0, 0).split(untimed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, TOP_3, 0, 0).split(untimed).testSize(0)).isEqualTo(1);
    }

    @Test
    void shouldHandItsListsFallbackAndUserCapToTheEvaluator() {
        // users 0-3 rated 4 items each, so 3 stay in training; a flat model with the fallback at 4 ratings is
        // judged on most-popular's lists (6, 7, 5, 4, ...), not on its own (0, 1, 2, ...)
        InteractionMatrix ratings = Matrices.binary(8, new int[] {4, 5, 6, 7}, new int[] {0, 5, 6, 7},
                new int[] {1, 5, 6, 7}, new int[] {2, 4, 6, 7});
        HoldoutProtocol protocol = new HoldoutProtocol(SplitKind.RANDOM, 0.25, 42, TOP_3, 4, 0);
        HoldoutSplit split = protocol.split(ratings);
        com.beershop.reco.model.Trainer flat = new com.beershop.reco.model.Trainer() {
            @Override
            public String algorithm() {
                return "flat";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public com.beershop.reco.model.TrainedModel train(InteractionMatrix train, long seed) {
                return (user, scores) -> java.util.Arrays.fill(scores, 0f);
            }
        };

        EvaluationResult judged = protocol.evaluator(ScoringInput.of(ratings), WORKERS).evaluate(flat, split);

        EvaluationResult popularity = new OfflineEvaluator(3, null, WORKERS).evaluate(new MostPopularTrainer(), split);
        assertThat(judged.ndcg()).isEqualTo(popularity.ndcg());
        assertThat(judged.precision()).isEqualTo(popularity.precision());
        assertThat(new OfflineEvaluator(3, null, WORKERS).evaluate(flat, split).ndcg()).as("its own lists")
                .isNotEqualTo(popularity.ndcg());
    }

    @Test
    void shouldGiveNoBaselineNdcgWhenTonightsModelIsTheBaselineItself() {
        EvaluationResult model = result(0.3);

        assertThat(HoldoutEvaluation.of(model).baselineNdcg()).isNaN();
        assertThat(HoldoutEvaluation.of(model).model()).isSameAs(model);
        assertThat(new HoldoutEvaluation(model, result(0.2), null).baselineNdcg()).isEqualTo(0.2);
        assertThat(new HoldoutEvaluation(model, result(0.2), null).splitModel()).isNull();
    }

    @Test
    void shouldNameTheConfiguredModelOrTheSelectionsWinner() {
        AlgorithmSpec configured = AlgorithmSpec.parse("ials");
        AlgorithmSpec winner = AlgorithmSpec.parse("ease:lambda=300");
        SelectionResult selection = new SelectionResult(winner, 0.2, List.of(), 10, 100, 1,
                new SelectionResult.Budget(1e12, 0, 600, false));

        assertThat(ModelChoice.configured(configured).spec()).isEqualTo(configured);
        assertThat(ModelChoice.configured(configured).selectionId()).isNull();
        assertThat(ModelChoice.selected(selection, 7L, "asked for"))
                .isEqualTo(new ModelChoice(winner, selection, 7L, "selected tonight: asked for"));
        RecordedSelection recorded = new RecordedSelection(7, 3, java.time.Instant.EPOCH, "1:a",
                new RecordedSelection.DataShape(1, 1, 1), "key", winner, 0.2);
        assertThat(ModelChoice.reused(recorded, "reusing selection #7"))
                .isEqualTo(new ModelChoice(winner, null, 7L, "reusing selection #7"));
    }

    private static EvaluationResult result(double ndcg) {
        return new EvaluationResult("x", Map.of(), 100, 0, 0, ndcg, 0, 0, Double.NaN, Double.NaN, 0, 0);
    }
}
