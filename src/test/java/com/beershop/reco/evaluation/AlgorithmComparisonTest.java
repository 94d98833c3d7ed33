package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The evaluate mode: every candidate on one split, a failing one reported and skipped, the results as a table. */
class AlgorithmComparisonTest {

    private static final Workers WORKERS = Workers.of(2);
    private static final TrainerCatalog TRAINERS = TrainerCatalog.standard(WORKERS);
    private static final HoldoutProtocol PROTOCOL = new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5),
            0, 0);
    private static final AlgorithmComparison COMPARISON = new AlgorithmComparison(TRAINERS, PROTOCOL);
    private static final InteractionMatrix RATINGS = randomRatings(60, 25, 8, 3);

    @AfterAll
    static void closeWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldEvaluateEveryCandidateOnTheSameSplitAndHandOnEachResultAsItComes() {
        List<AlgorithmSpec> candidates = List.of(AlgorithmSpec.parse("most-popular"),
                AlgorithmSpec.parse("ease:lambda=5"));
        List<AlgorithmComparison.Candidate> handedOn = new ArrayList<>();

        List<AlgorithmComparison.Candidate> results = COMPARISON.compare(candidates, ScoringInput.of(RATINGS),
                handedOn::add);

        assertThat(results).extracting(AlgorithmComparison.Candidate::spec).containsExactlyElementsOf(candidates);
        assertThat(handedOn).containsExactlyElementsOf(results);
        OfflineEvaluator alone = new OfflineEvaluator(5, null, 0, WORKERS);
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 7);
        for (int c = 0; c < 2; c++) {
            assertThat(results.get(c).failed()).isFalse();
            assertThat(results.get(c).failure()).isNull();
            assertThat(results.get(c).result().ndcg()).as("candidate %d on the protocol's own split", c)
                    .isEqualTo(alone.evaluate(TRAINERS.create(candidates.get(c)), split).ndcg());
        }
    }

    @Test
    void shouldJudgeTheListsPublishingWouldMakeWithoutTheUnrecommendableItems() {
        boolean[] recommendable = new boolean[25];
        Arrays.fill(recommendable, true);
        recommendable[0] = false; // the most popular item
        List<AlgorithmSpec> popular = List.of(AlgorithmSpec.parse("most-popular"));

        EvaluationResult result = COMPARISON.compare(popular, ScoringInput.of(RATINGS, recommendable, null), c -> { })
                .get(0).result();

        assertThat(result.ndcg()).isEqualTo(new OfflineEvaluator(5, recommendable, 0, WORKERS)
                .evaluate(TRAINERS.create(popular.get(0)), HoldoutSplit.perUser(RATINGS, 0.25, 7)).ndcg());
    }

    @Test
    void shouldReportACandidateThatFailsAndGoOnWithTheNext() {
        // max-items=2 refuses the 25-item catalogue when it trains
        List<AlgorithmSpec> candidates = List.of(AlgorithmSpec.parse("ease:lambda=1,max-items=2"),
                AlgorithmSpec.parse("most-popular"));
        List<AlgorithmComparison.Candidate> handedOn = new ArrayList<>();

        List<AlgorithmComparison.Candidate> results = COMPARISON.compare(candidates, ScoringInput.of(RATINGS),
                handedOn::add);

        assertThat(results.get(0).failed()).isTrue();
        assertThat(results.get(0).result()).isNull();
        assertThat(results.get(0).failure()).contains("max-items");
        assertThat(results.get(1).failed()).isFalse();
        assertThat(handedOn).hasSize(2);
    }

    @Test
    void shouldRefuseAnUnknownCandidateBeforeTrainingAnything() {
        List<AlgorithmComparison.Candidate> handedOn = new ArrayList<>();

        assertThatThrownBy(() -> COMPARISON.compare(List.of(AlgorithmSpec.parse("most-popular"),
                AlgorithmSpec.parse("ials:factor=8")), ScoringInput.of(RATINGS), handedOn::add))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("factor");
        assertThat(handedOn).as("nothing evaluated").isEmpty();
    }

    @Test
    void shouldPrintOneRowPerCandidateWithFourDecimalsAndTheReasonOfAFailure() {
        EvaluationResult ease = new EvaluationResult("ease", Map.of("lambda", 5.0), 40, 0.12346, 0.5, 0.25, 0.125, 0.8,
                Double.NaN, Double.NaN, 1.234, 0.5);
        EvaluationResult rating = new EvaluationResult("biasedmf", Map.of("factors", 4), 40, 0.1, 0.2, 0.3, 0.4, 0.5,
                0.91234, 0.7, 12, 0.006);
        List<AlgorithmComparison.Candidate> candidates = List.of(
                new AlgorithmComparison.Candidate(AlgorithmSpec.parse("ease:lambda=5"), ease, null),
                new AlgorithmComparison.Candidate(AlgorithmSpec.parse("biasedmf:factors=4"), rating, null),
                new AlgorithmComparison.Candidate(AlgorithmSpec.of("ials", Map.of("reg", "2", "alpha", "1")), null,
                        "out of memory"));

        List<List<String>> rows = cells(COMPARISON.table(candidates));

        assertThat(rows.get(0)).containsExactly("algorithm", "params", "P@5", "R@5", "nDCG@5", "MAP@5", "coverage",
                "RMSE", "train s", "score s");
        assertThat(rows.get(1)).containsExactly("ease", "lambda=5.0", "0.1235", "0.5000", "0.2500", "0.1250",
                "0.8000", "-", "1.23", "0.50");
        assertThat(rows.get(2)).containsExactly("biasedmf", "factors=4", "0.1000", "0.2000", "0.3000", "0.4000",
                "0.5000", "0.9123", "12.00", "0.01");
        assertThat(rows.get(3)).containsExactly("ials", "{alpha=1, reg=2}", "failed: out of memory");
        assertThat(rows).hasSize(4);
    }

    /** The table's lines as trimmed cells up to the last one filled, without the rule under the header. */
    private static List<List<String>> cells(String table) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.matches("[-| ]+")) {
                continue;
            }
            List<String> row = new ArrayList<>(Arrays.stream(line.split("\\|", -1)).map(String::strip).toList());
            while (row.get(row.size() - 1).isEmpty()) {
                row.remove(row.size() - 1);
            }
            rows.add(row);
        }
        return rows;
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
