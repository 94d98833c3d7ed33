package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    private static final Workers WORKERS = Workers.of(2);
    private static final TrainerCatalog TRAINERS = TrainerCatalog.standard(WORKERS);

    @AfterAll
    static void closeWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldScoreEveryCandidateOnEachSeedsOwnSplitAndSummariseThem() {
        InteractionMatrix ratings = randomRatings(80, 30, 10, 5);
        List<AlgorithmSpec> candidates = List.of(AlgorithmSpec.parse("most-popular"), AlgorithmSpec.parse("ease:lambda=5"));

        List<SeedSpread.Row> rows = new SeedSpread(TRAINERS, new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5), 0, 0))
                .measure(candidates, ScoringInput.of(ratings), 7, 3);

        assertThat(rows).extracting(SeedSpread.Row::spec).containsExactlyElementsOf(candidates);
        OfflineEvaluator evaluator = new OfflineEvaluator(5, null, 0, WORKERS);
        for (int c = 0; c < 2; c++) {
            double[] ndcg = rows.get(c).ndcg();
            assertThat(ndcg).hasSize(3);
            for (int s = 0; s < 3; s++) {
                double alone = evaluator.evaluate(TRAINERS.create(candidates.get(c)),
                        HoldoutSplit.perUser(ratings, 0.25, 7 + s)).ndcg();
                assertThat(ndcg[s]).as("candidate %d, seed %d", c, 7 + s).isEqualTo(alone);
            }
            double mean = (ndcg[0] + ndcg[1] + ndcg[2]) / 3;
            double sd = Math.sqrt(((ndcg[0] - mean) * (ndcg[0] - mean) + (ndcg[1] - mean) * (ndcg[1] - mean)
                    + (ndcg[2] - mean) * (ndcg[2] - mean)) / 2);
            assertThat(rows.get(c).mean()).isCloseTo(mean, within(1e-12));
            assertThat(rows.get(c).sd()).isCloseTo(sd, within(1e-12));
        }
        assertThat(rows.get(0).ndcg()[0]).as("different seeds, different splits").isNotEqualTo(rows.get(0).ndcg()[1]);
    }

    @Test
    void shouldLeaveAFailingSeedOutOfTheMean() {
        SeedSpread.Row row = new SeedSpread.Row(AlgorithmSpec.parse("ials"), new double[] {0.2, Double.NaN, 0.4});
        assertThat(row.mean()).isCloseTo(0.3, within(1e-12));
        assertThat(row.sd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
    }

    @Test
    void shouldGiveACandidateThatFailsOnEverySeedNoMeanAndGoOnWithTheOthers() {
        InteractionMatrix ratings = randomRatings(40, 30, 10, 5);
        // max-items=2 refuses the 30-item catalogue
        List<AlgorithmSpec> candidates = List.of(AlgorithmSpec.parse("ease:lambda=5,max-items=2"),
                AlgorithmSpec.parse("most-popular"));
        SeedSpread spread = new SeedSpread(TRAINERS, new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5),
                0, 0));

        List<SeedSpread.Row> rows = spread.measure(candidates, ScoringInput.of(ratings), 7, 2);

        assertThat(rows.get(0).ndcg()).containsOnly(Double.NaN);
        assertThat(rows.get(0).mean()).isNaN();
        assertThat(rows.get(0).sd()).isNaN();
        assertThat(rows.get(1).ndcg()).doesNotContain(Double.NaN);
    }

    @Test
    void shouldRefuseFewerThanOneSeed() {
        SeedSpread spread = new SeedSpread(TRAINERS, new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5),
                0, 0));

        assertThatThrownBy(() -> spread.measure(List.of(AlgorithmSpec.parse("most-popular")),
                ScoringInput.of(randomRatings(10, 5, 3, 1)), 7, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveNoSpreadForOneValue() {
        SeedSpread.Row row = new SeedSpread.Row(AlgorithmSpec.parse("ials"), new double[] {0.2, Double.NaN});

        assertThat(row.mean()).isEqualTo(0.2);
        assertThat(row.sd()).isZero();
    }

    @Test
    void shouldPrintTheMeanTheSpreadAndEverySeedWithADashForAFailure() {
        SeedSpread spread = new SeedSpread(TRAINERS, new HoldoutProtocol(SplitKind.RANDOM, 0.25, 7, ListPolicy.topN(5),
                0, 0));
        List<SeedSpread.Row> rows = List.of(new SeedSpread.Row(AlgorithmSpec.parse("ials:factors=8"),
                new double[] {0.2, Double.NaN, 0.4}));

        String[] lines = spread.table(rows, 11).split("\n");

        assertThat(cells(lines[0])).containsExactly("candidate", "mean nDCG@5", "sd", "seed 11", "seed 12", "seed 13");
        assertThat(cells(lines[2])).containsExactly("ials{factors=8}", "0.3000", "0.1414", "0.2000", "-", "0.4000");
        assertThat(lines).hasSize(3);
        assertThat(cells(spread.table(List.of(), 11).split("\n")[0])).containsExactly("candidate", "mean nDCG@5", "sd");
    }

    private static List<String> cells(String line) {
        return java.util.Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    private static InteractionMatrix randomRatings(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            for (int r = 0; r < perUser; r++) {
                // skewed towards low item numbers, so popularity means something
                builder.add(u, (int) (items * Math.pow(random.nextDouble(), 2)), 1f, Long.MIN_VALUE);
            }
        }
        return builder.build(users, items);
    }
}
