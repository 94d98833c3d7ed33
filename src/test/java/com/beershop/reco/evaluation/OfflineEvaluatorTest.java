package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OfflineEvaluatorTest {

    private static final Workers WORKERS = Workers.of(2);

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

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
            public Map<String, Object> effectiveParams() {
                return Map.of();
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
        EvaluationResult result = new OfflineEvaluator(2, null, WORKERS).evaluate(oracle(split), split);
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

        EvaluationResult result = new OfflineEvaluator(2, allowed, WORKERS).evaluate(oracle(split), split);

        assertThat(result.usersEvaluated()).isEqualTo(4 - usersLosingTheirOnlyItem);
        assertThat(result.recall()).isEqualTo(1.0);
    }

    @Test
    void shouldEvaluateTwoTrainersOnTheSameSplitDeterministically() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        OfflineEvaluator evaluator = new OfflineEvaluator(3, null, WORKERS);

        EvaluationResult first = evaluator.evaluate(new MostPopularTrainer(), split);
        EvaluationResult second = evaluator.evaluate(new MostPopularTrainer(), RATINGS, 0.25, 42);

        assertThat(second.ndcg()).isEqualTo(first.ndcg());
        assertThat(second.precision()).isEqualTo(first.precision());
        assertThat(second.coverage()).isEqualTo(first.coverage());
        assertThat(first.usersEvaluated()).isEqualTo(4);
    }

    @Test
    void shouldJudgeAModelThatRanksAnInactiveProductFirstOnTheListWithoutIt() {
        // given item 8, which nobody rated, is inactive, and a model that ranks it first and the held-out item second
        InteractionMatrix ratings = Matrices.binary(9,
                new int[] {0, 1, 2, 3}, new int[] {0, 2, 4, 6}, new int[] {1, 3, 5, 7}, new int[] {4, 5, 6, 7});
        HoldoutSplit split = HoldoutSplit.perUser(ratings, 0.25, 42);
        Trainer inactiveFirst = new Trainer() {
            @Override
            public String algorithm() {
                return "inactive-first";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public TrainedModel train(InteractionMatrix train, long seed) {
                return (user, scores) -> {
                    Arrays.fill(scores, 0f);
                    scores[split.testItems(user)[0]] = 1f;
                    scores[8] = 2f;
                };
            }
        };
        boolean[] active = new boolean[9];
        Arrays.fill(active, true);
        active[8] = false;

        // when the lists are built as publishing builds them (inactive products left out), and when they are not
        EvaluationResult published = new OfflineEvaluator(1, active, WORKERS).evaluate(inactiveFirst, split);
        EvaluationResult unfiltered = new OfflineEvaluator(1, null, WORKERS).evaluate(inactiveFirst, split);

        // then the published list is [held-out item]: every user hits at rank 1; unfiltered would miss everywhere
        assertThat(published.ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(published.precision()).isEqualTo(1.0);
        assertThat(unfiltered.ndcg()).isZero();
    }

    @Test
    void shouldJudgeAModelWithNoFiniteScoreOnTheFallbackListsPublishingWouldShow() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        Trainer diverged = new Trainer() {
            @Override
            public String algorithm() {
                return "diverged";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public TrainedModel train(InteractionMatrix train, long seed) {
                return (user, scores) -> Arrays.fill(scores, Float.NaN);
            }
        };

        EvaluationResult judged = new OfflineEvaluator(3, null, WORKERS).evaluate(diverged, split);
        EvaluationResult popularity = new OfflineEvaluator(3, null, WORKERS).evaluate(new MostPopularTrainer(), split);

        // the published lists of such a model are most-popular's (RecommendationScorer), so the gate sees those
        assertThat(judged.usersEvaluated()).isEqualTo(popularity.usersEvaluated());
        assertThat(judged.ndcg()).isEqualTo(popularity.ndcg());
        assertThat(judged.precision()).isEqualTo(popularity.precision());
    }

    @Test
    void shouldRankUsersWithTooFewRatingsByPopularityAsPublishingDoes() {
        // given a model that scores nothing (all zeros: ties break towards item 0)
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        Trainer flat = new Trainer() {
            @Override
            public String algorithm() {
                return "flat";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public TrainedModel train(InteractionMatrix train, long seed) {
                return (user, scores) -> Arrays.fill(scores, 0f);
            }
        };

        // when every user counts as having too few ratings (3 training ratings < 4), so all get most-popular
        EvaluationResult withFallback = new OfflineEvaluator(3, null, 4, WORKERS).evaluate(flat, split);
        EvaluationResult popularity = new OfflineEvaluator(3, null, WORKERS).evaluate(new MostPopularTrainer(), split);
        EvaluationResult withoutFallback = new OfflineEvaluator(3, null, WORKERS).evaluate(flat, split);

        // then the model's lists are exactly most-popular's (and without the fallback they would not be)
        assertThat(withoutFallback.ndcg()).isNotEqualTo(popularity.ndcg());
        assertThat(withFallback.ndcg()).isEqualTo(popularity.ndcg());
        assertThat(withFallback.precision()).isEqualTo(popularity.precision());
    }

    @Test
    void shouldGiveTheSameMetricsOnOneThreadAsOnFour() {
        // given: 2,000 users, two taste groups, enough for many scoring blocks and a real iALS model
        SplittableRandom random = new SplittableRandom(3);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 2_000; user++) {
            int group = user % 2 * 20;
            for (int r = 0; r < 6; r++) {
                builder.add(user, group + random.nextInt(20), 1f, Long.MIN_VALUE);
            }
        }
        HoldoutSplit split = HoldoutSplit.perUser(builder.build(2_000, 40), 0.25, 42);
        AlgorithmSpec ials = AlgorithmSpec.parse("ials:factors=4,iterations=5");

        // when
        EvaluationResult one;
        EvaluationResult four;
        try (Workers oneThread = Workers.of(1); Workers fourThreads = Workers.of(4)) {
            one = new OfflineEvaluator(10, null, oneThread)
                    .evaluate(TrainerCatalog.standard(oneThread).create(ials), split);
            four = new OfflineEvaluator(10, null, fourThreads)
                    .evaluate(TrainerCatalog.standard(fourThreads).create(ials), split);
        }

        // then: bit for bit, not just close
        assertThat(four.usersEvaluated()).isEqualTo(one.usersEvaluated()).isPositive();
        assertThat(four.ndcg()).isEqualTo(one.ndcg());
        assertThat(four.precision()).isEqualTo(one.precision());
        assertThat(four.map()).isEqualTo(one.map());
        assertThat(four.coverage()).isEqualTo(one.coverage());
    }

    @Test
    void shouldScoreASeededSampleOfAboutMaxUsersTheSameForEveryModelAndThreadCount() {
        SplittableRandom random = new SplittableRandom(5);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 2_000; user++) {
            for (int r = 0; r < 8; r++) {
                builder.add(user, user % 2 * 20 + random.nextInt(20), 1f, Long.MIN_VALUE);
            }
        }
        HoldoutSplit split = HoldoutSplit.perUser(builder.build(2_000, 40), 0.25, 42);
        com.beershop.reco.scoring.ListPolicy top10 = com.beershop.reco.scoring.ListPolicy.topN(10);

        EvaluationResult all = new OfflineEvaluator(top10, null, null, 0, 0, WORKERS)
                .evaluate(new MostPopularTrainer(), split);
        EvaluationResult sampled;
        EvaluationResult sampledOnOneThread;
        EvaluationResult otherModel;
        try (Workers oneThread = Workers.of(1)) {
            sampled = new OfflineEvaluator(top10, null, null, 0, 500, WORKERS).evaluate(new MostPopularTrainer(), split);
            sampledOnOneThread = new OfflineEvaluator(top10, null, null, 0, 500, oneThread)
                    .evaluate(new MostPopularTrainer(), split);
            otherModel = new OfflineEvaluator(top10, null, null, 0, 500, WORKERS)
                    .evaluate(TrainerCatalog.standard(WORKERS).create(AlgorithmSpec.parse("ials:factors=4,iterations=3")), split);
        }

        assertThat(all.usersEvaluated()).isEqualTo(2_000);
        assertThat(sampled.usersEvaluated()).isBetween(400, 600);
        assertThat(sampledOnOneThread.usersEvaluated()).isEqualTo(sampled.usersEvaluated());
        assertThat(sampledOnOneThread.ndcg()).isEqualTo(sampled.ndcg());
        assertThat(otherModel.usersEvaluated()).as("every model on the same users").isEqualTo(sampled.usersEvaluated());
        assertThat(sampled.ndcg()).isCloseTo(all.ndcg(), within(0.05));
        assertThat(new OfflineEvaluator(top10, null, null, 0, 5_000, WORKERS).evaluate(new MostPopularTrainer(), split)
                .usersEvaluated()).as("fewer users than the cap: all of them").isEqualTo(2_000);
    }

    @Test
    void shouldMeasureRmseAndMaeOfARatingModelOverEveryHeldOutRatingEvenWithAUserCap() {
        // given ratings 1..5 and a model that predicts 3 for everything
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 40; user++) {
            for (int item = user % 3; item < 12; item += 3) {
                builder.add(user, item, 1 + (user + item) % 5, Long.MIN_VALUE);
            }
        }
        InteractionMatrix ratings = builder.build(40, 12);
        HoldoutSplit split = HoldoutSplit.perUser(ratings, 0.25, 42);
        Trainer threes = new Trainer() {
            @Override
            public String algorithm() {
                return "threes";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public TrainedModel train(InteractionMatrix train, long seed) {
                return new TrainedModel() {
                    @Override
                    public void scoreUser(int user, float[] scores) {
                        Arrays.fill(scores, 3f);
                    }

                    @Override
                    public boolean predictsRatings() {
                        return true;
                    }
                };
            }
        };
        double squared = 0;
        double absolute = 0;
        for (int user = 0; user < 40; user++) {
            for (int item : split.testItems(user)) {
                double error = 3 - (1 + (user + item) % 5);
                squared += error * error;
                absolute += Math.abs(error);
            }
        }

        // when only about 10 users would be scored for ranking metrics
        EvaluationResult result = new OfflineEvaluator(com.beershop.reco.scoring.ListPolicy.topN(2), null, null, 0, 10,
                WORKERS).evaluate(threes, split);

        // then a rating model is scored on every user: its errors need every held-out rating
        assertThat(result.rmse()).isCloseTo(Math.sqrt(squared / split.numTestRatings()), within(1e-9));
        assertThat(result.mae()).isCloseTo(absolute / split.numTestRatings(), within(1e-9));
        assertThat(result.usersEvaluated()).isEqualTo(40);
    }

    @Test
    void shouldMeasureCoverageAsTheDistinctRecommendedItemsOverTheRecommendableOnes() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        boolean[] allowed = new boolean[8];
        Arrays.fill(allowed, true);
        allowed[split.testItems(0)[0]] = false;
        java.util.Set<Integer> hit = new java.util.HashSet<>();
        for (int u = 0; u < 4; u++) {
            if (allowed[split.testItems(u)[0]]) {
                hit.add(split.testItems(u)[0]);
            }
        }

        // the oracle's list of one is the held-out item, where it may be recommended
        EvaluationResult result = new OfflineEvaluator(1, allowed, WORKERS).evaluate(oracle(split), split);

        assertThat(result.coverage()).isEqualTo(hit.size() / 7.0);
        long heldOutItems = java.util.stream.IntStream.range(0, 4).map(u -> split.testItems(u)[0]).distinct().count();
        assertThat(new OfflineEvaluator(1, null, WORKERS).evaluate(oracle(split), split).coverage())
                .isEqualTo(heldOutItems / 8.0);
    }

    @Test
    void shouldRecordTheTrainersParametersAndHowLongTrainingAndScoringTook() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        Trainer slow = new Trainer() {
            @Override
            public String algorithm() {
                return "slow";
            }

            @Override
            public TrainedModel train(InteractionMatrix train, long seed) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return (user, scores) -> Arrays.fill(scores, 0f);
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of("patience", 200);
            }
        };

        EvaluationResult result = new OfflineEvaluator(2, null, WORKERS).evaluate(slow, split);

        assertThat(result.algorithm()).isEqualTo("slow");
        assertThat(result.params()).isEqualTo(Map.of("patience", 200));
        assertThat(result.trainSeconds()).isBetween(0.2, 30.0);
        assertThat(result.scoreSeconds()).isBetween(0.0, 30.0);
    }

    @Test
    void shouldRefuseACatalogueOfAnotherSizeANegativeUserCapAndAReRankWithoutStyles() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);

        assertThatThrownBy(() -> new OfflineEvaluator(2, new boolean[7], WORKERS).evaluate(oracle(split), split))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 entries for 8 items");
        assertThatThrownBy(() -> new OfflineEvaluator(com.beershop.reco.scoring.ListPolicy.topN(2), null, null, 0, -1,
                WORKERS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfflineEvaluator(new com.beershop.reco.scoring.ListPolicy(2, 0.5), null, null, 0,
                0, WORKERS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotLetAnEvaluatorsCallerChangeWhichItemsMayBeRecommendedAfterwards() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        boolean[] allowed = new boolean[8];
        Arrays.fill(allowed, true);
        OfflineEvaluator evaluator = new OfflineEvaluator(2, allowed, WORKERS);
        EvaluationResult before = evaluator.evaluate(oracle(split), split);

        Arrays.fill(allowed, false);

        EvaluationResult after = evaluator.evaluate(oracle(split), split);
        assertThat(after.usersEvaluated()).isEqualTo(before.usersEvaluated()).isEqualTo(4);
        assertThat(after.coverage()).isEqualTo(before.coverage());
        assertThat(after.ndcg()).isEqualTo(before.ndcg());
    }

    @Test
    void shouldSampleAboutMaxUsersAmongTheUsersWithHeldOutRatingsOnly() {
        // 2,000 users with 8 ratings and 2,000 with one (never split, never evaluated)
        SplittableRandom random = new SplittableRandom(5);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 4_000; user++) {
            for (int r = user < 2_000 ? 8 : 1; r > 0; r--) {
                builder.add(user, random.nextInt(40), 1f, Long.MIN_VALUE);
            }
        }
        HoldoutSplit split = HoldoutSplit.perUser(builder.build(4_000, 40), 0.25, 42);

        EvaluationResult sampled = new OfflineEvaluator(com.beershop.reco.scoring.ListPolicy.topN(10), null, null, 0,
                1_000, WORKERS).evaluate(new MostPopularTrainer(), split);
        EvaluationResult atTheCap = new OfflineEvaluator(com.beershop.reco.scoring.ListPolicy.topN(10), null, null, 0,
                2_000, WORKERS).evaluate(new MostPopularTrainer(), split);

        assertThat(sampled.usersEvaluated()).as("half of the 2,000 with held-out ratings").isBetween(900, 1_100);
        assertThat(atTheCap.usersEvaluated()).as("as many as the cap: all").isEqualTo(2_000);
    }
}
