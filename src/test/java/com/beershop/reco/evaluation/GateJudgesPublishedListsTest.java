package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.scoring.RecommendationScorer;
import com.beershop.reco.scoring.ScoringInput;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The hold-out evaluation (the gate's, and model selection's, which runs the same evaluator) scores exactly the lists
 * publishing would make from the same model and training data: every fallback, exclusion and re-rank included.
 */
class GateJudgesPublishedListsTest {

    private static final Workers WORKERS = Workers.of(2);
    private static final int USERS = 400;
    private static final int ITEMS = 60;
    private static final int MIN_USER_RATINGS = 4;

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

    @Test
    void shouldJudgeTheListsPublishingMakesIncludingEveryFallbackAndTheStyleReRank() {
        InteractionMatrix ratings = shopRatings();
        boolean[] recommendable = new boolean[ITEMS];
        int[] styles = new int[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            recommendable[item] = item % 7 != 3; // some products are inactive
            styles[item] = item % 5;
        }
        ListPolicy policy = new ListPolicy(10, 0.3);
        HoldoutSplit split = HoldoutSplit.perUser(ratings, 0.25, 11);
        Trainer trainer = new PartlyDivergingTrainer();

        OfflineEvaluator evaluator = new OfflineEvaluator(policy, recommendable, styles, MIN_USER_RATINGS, 0, WORKERS);
        OfflineEvaluator.Evaluated judged = evaluator.evaluateTrained(trainer, split);

        RecommendationLists published = new RecommendationScorer(policy, MIN_USER_RATINGS, WORKERS)
                .scoreAll(judged.model(), ScoringInput.of(split.train(), recommendable, styles));
        Metrics fromPublished = Metrics.of(published, split, recommendable, policy.topN());

        // the data reaches every path: users on the few-ratings fallback and on the no-finite-score fallback
        assertThat(published.fallbackUsers()).isPositive();
        assertThat(published.nonFiniteFallbackUsers()).isPositive();
        EvaluationResult result = judged.result();
        assertThat(result.usersEvaluated()).isEqualTo(fromPublished.users);
        assertThat(result.ndcg()).isCloseTo(fromPublished.ndcg, within(1e-12));
        assertThat(result.precision()).isCloseTo(fromPublished.precision, within(1e-12));
        assertThat(result.recall()).isCloseTo(fromPublished.recall, within(1e-12));
        assertThat(result.map()).isCloseTo(fromPublished.map, within(1e-12));
    }

    /** Users with 2 to 12 ratings, favouring low item numbers, each with a time. */
    private static InteractionMatrix shopRatings() {
        SplittableRandom random = new SplittableRandom(5);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < USERS; user++) {
            int count = 2 + random.nextInt(11);
            boolean[] taken = new boolean[ITEMS];
            for (int k = 0; k < count; k++) {
                int item = (int) (ITEMS * Math.pow(random.nextDouble(), 2));
                if (!taken[item]) {
                    taken[item] = true;
                    builder.add(user, item, 1f, 1_000_000L * (user + k));
                }
            }
        }
        return builder.build(USERS, ITEMS);
    }

    /** A personal model that gives every fifth user NaN for everything, as a diverged factor row would. */
    private static final class PartlyDivergingTrainer implements Trainer {

        @Override
        public String algorithm() {
            return "partly-diverging";
        }

        @Override
        public Map<String, Object> effectiveParams() {
            return Map.of();
        }

        @Override
        public TrainedModel train(InteractionMatrix ratings, long seed) {
            return (user, scores) -> {
                if (user % 5 == 0) {
                    Arrays.fill(scores, Float.NaN);
                    return;
                }
                for (int item = 0; item < scores.length; item++) {
                    scores[item] = (float) Math.sin(user * 0.7 + item * 1.3);
                }
            };
        }
    }

    /** The hold-out metrics computed from published lists, by the evaluator's own rules of relevance. */
    private record Metrics(int users, double precision, double recall, double ndcg, double map) {

        static Metrics of(RecommendationLists lists, HoldoutSplit split, boolean[] recommendable, int n) {
            int users = 0;
            double precision = 0;
            double recall = 0;
            double ndcg = 0;
            double map = 0;
            for (int user = 0; user < lists.numUsers(); user++) {
                int[] relevant = Arrays.stream(split.testItems(user)).filter(item -> recommendable[item]).toArray();
                if (relevant.length == 0) {
                    continue;
                }
                int[] ranked = new int[lists.count(user)];
                for (int rank = 0; rank < ranked.length; rank++) {
                    ranked[rank] = lists.item(user, rank);
                }
                users++;
                precision += RankingMetrics.precision(ranked, relevant, n);
                recall += RankingMetrics.recall(ranked, relevant, n);
                ndcg += RankingMetrics.ndcg(ranked, relevant, n);
                map += RankingMetrics.averagePrecision(ranked, relevant, n);
            }
            return new Metrics(users, precision / users, recall / users, ndcg / users, map / users);
        }
    }
}
