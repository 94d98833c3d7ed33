package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * On a shop where new releases take off, a recent split asks what customers rated next, and a model that ignores
 * time loses to trending there: the gate must refuse it, naming trending, even though it beats all-time popularity.
 */
class TrendingBaselineGateTest {

    private static final Workers WORKERS = Workers.of(2);
    private static final TrainerCatalog TRAINERS = TrainerCatalog.standard(WORKERS);
    private static final long DAY = 24L * 3600 * 1000;
    private static final int USERS = 300;
    private static final int OLD_ITEMS = 30;
    private static final int NEW_ITEMS = 10;
    private static final QualityGate GATE = new QualityGate(true, 0.0, true, 0.1);

    @AfterAll
    static void closeWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldRefuseAModelThatIgnoresTimeWhenTrendingPredictsTheNextRatingsBetter() {
        BaselineComparison recent = new BaselineComparison(TRAINERS,
                new HoldoutProtocol(SplitKind.RECENT, 0.25, 7, ListPolicy.topN(5), 0, 0, RecentWindow.DEFAULT));

        HoldoutEvaluation evaluation = recent.evaluate(AlgorithmSpec.parse("ials"), ScoringInput.of(newReleases()),
                null);
        QualityGate.Verdict verdict = GATE.judge(evaluation, null, Optional.empty());

        assertThat(evaluation.baseline().algorithm()).isEqualTo("recent-popular");
        assertThat(evaluation.model().ndcg()).isLessThan(evaluation.baseline().ndcg());
        assertThat(verdict.decision()).isEqualTo(QualityGate.Decision.REFUSED);
        assertThat(verdict.reason()).contains("does not beat recent-popular's");
    }

    @Test
    void shouldCompareWithMostPopularWhenTheRatingsCarryNoTimes() {
        SplittableRandom random = new SplittableRandom(4);
        int[][] rows = new int[USERS][];
        for (int user = 0; user < USERS; user++) {
            rows[user] = random.ints(0, OLD_ITEMS).distinct().limit(6).sorted().toArray();
        }
        BaselineComparison recent = new BaselineComparison(TRAINERS,
                new HoldoutProtocol(SplitKind.RECENT, 0.25, 7, ListPolicy.topN(5), 0, 0, RecentWindow.DEFAULT));

        HoldoutEvaluation evaluation = recent.evaluate(AlgorithmSpec.parse("ials"),
                ScoringInput.of(Matrices.binary(OLD_ITEMS, rows)), null);

        // no times: the recent split falls back to the random one, and there is no trend to compare with
        assertThat(evaluation.baseline().algorithm()).isEqualTo("most-popular");
        assertThat(evaluation.model().usersEvaluated()).isPositive();
    }

    /**
     * Three taste groups rate the old catalogue over 300 days; ten new releases arrive on day 330, a few customers
     * rate them before day 337, and in the last four weeks most customers rate three of them.
     */
    private static InteractionMatrix newReleases() {
        SplittableRandom random = new SplittableRandom(3);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < USERS; user++) {
            int group = user % 3;
            for (int item : distinct(random, 6, 10)) {
                builder.add(user, group * 10 + item, 1f, random.nextLong(300) * DAY);
            }
            if (user % 10 == 0) {
                for (int item : distinct(random, 3, NEW_ITEMS)) {
                    builder.add(user, OLD_ITEMS + item, 1f, (330 + random.nextLong(7)) * DAY);
                }
            } else if (random.nextDouble() < 0.7) {
                for (int item : distinct(random, 3, NEW_ITEMS)) {
                    builder.add(user, OLD_ITEMS + item, 1f, (338 + random.nextLong(27)) * DAY);
                }
            }
        }
        return builder.build(USERS, OLD_ITEMS + NEW_ITEMS);
    }

    private static int[] distinct(SplittableRandom random, int count, int bound) {
        return random.ints(0, bound).distinct().limit(count).toArray();
    }
}
