package com.beershop.reco.model.ials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.scoring.TopNSelector;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ImplicitAlsTrainerTest {

    // group A (users 0-4) likes items 0-3, group B (users 5-9) likes items 4-7; user 0 has not rated item 3
    // and user 5 has not rated item 7
    private static final InteractionMatrix TWO_TASTES = Matrices.binary(8,
            new int[] {0, 1, 2},
            new int[] {0, 1, 2, 3},
            new int[] {0, 1, 2, 3},
            new int[] {0, 1, 3},
            new int[] {1, 2, 3},
            new int[] {4, 5, 6},
            new int[] {4, 5, 6, 7},
            new int[] {4, 5, 6, 7},
            new int[] {4, 6, 7},
            new int[] {5, 6, 7});

    // two tastes, two factors: with more, ten users are few enough to overfit who skipped which item
    private static final ImplicitAlsTrainer TRAINER = ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials",
            Map.of("factors", "2", "iterations", "10", "reg", "0.1", "alpha", "10")));

    @Test
    void shouldRecommendTheUnratedItemOfTheUsersOwnTasteGroupFirst() {
        // when
        TrainedModel model = TRAINER.train(TWO_TASTES, 42);
        // then
        assertThat(topN(model, 0, 2)).startsWith(3);
        assertThat(topN(model, 5, 2)).startsWith(7);
        float[] scores = new float[8];
        model.scoreUser(0, scores);
        for (int groupB = 4; groupB < 8; groupB++) {
            assertThat(scores[3]).isGreaterThan(scores[groupB] + 0.5f);
        }
    }

    @Test
    void shouldGiveIdenticalScoresForTheSameSeedWhateverTheThreadCount() throws Exception {
        // given: enough users and items for many parallel blocks on both sides (512 rows a block, 2,048 for the
        // Gramian), so one thread and four threads really split the work differently
        InteractionMatrix ratings = randomRatings(5_000, 1_200, 12, 3);
        ImplicitAlsTrainer trainer = ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials",
                Map.of("factors", "8", "iterations", "3")));

        // when
        TrainedModel oneThread = trainOn(new ForkJoinPool(1), trainer, ratings);
        TrainedModel fourThreads = trainOn(new ForkJoinPool(4), trainer, ratings);
        TrainedModel again = trainOn(new ForkJoinPool(4), trainer, ratings);

        // then: bit-identical scores for every user
        float[] a = new float[ratings.numItems()];
        float[] b = new float[ratings.numItems()];
        float[] c = new float[ratings.numItems()];
        for (int u = 0; u < ratings.numUsers(); u++) {
            oneThread.scoreUser(u, a);
            fourThreads.scoreUser(u, b);
            again.scoreUser(u, c);
            assertThat(b).as("user %d, four threads against one", u).containsExactly(a);
            assertThat(c).as("user %d, the same seed again", u).containsExactly(a);
        }
    }

    private static TrainedModel trainOn(ForkJoinPool pool, ImplicitAlsTrainer trainer, InteractionMatrix ratings)
            throws Exception {
        try {
            return pool.submit(() -> trainer.train(ratings, 42)).get();
        } finally {
            pool.shutdown();
        }
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

    @Test
    void shouldLearnTheSameStructureWithFrequencyScaledRegAndRatingConfidence() {
        ImplicitAlsTrainer trainer = ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials", Map.of("factors", "2",
                "reg", "0.01", "reg-scaling", "frequency", "confidence", "rating")));
        TrainedModel model = trainer.train(TWO_TASTES, 7);
        assertThat(topN(model, 0, 1)).containsExactly(3);
        assertThat(topN(model, 5, 1)).containsExactly(7);
    }

    @Test
    void shouldRejectUnknownParametersAndBadValues() {
        assertThatThrownBy(() -> ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials", Map.of("factor", "8"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("factor");
        assertThatThrownBy(() -> ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials", Map.of("confidence", "huge"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials", Map.of("reg", "0"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class);
        assertThat(ImplicitAlsTrainer.fromSpec(AlgorithmSpec.of("ials", Map.of())).algorithm()).isEqualTo("ials");
    }

    private static int[] topN(TrainedModel model, int user, int n) {
        float[] scores = new float[TWO_TASTES.numItems()];
        model.scoreUser(user, scores);
        int[] out = new int[n];
        int count = new TopNSelector(n).select(scores, null, TWO_TASTES, user, out);
        return java.util.Arrays.copyOf(out, count);
    }

    @Test
    void shouldAgreeWithAColdStartAsCloselyAsTwoColdStartsAgreeWhenWarmStartedFromTheHoldOutModel() {
        // given 400 users in two taste groups with popular and rare items, and the model of a 75 % hold-out split
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        com.beershop.reco.model.InteractionMatrixBuilder builder = new com.beershop.reco.model.InteractionMatrixBuilder();
        for (int user = 0; user < 400; user++) {
            for (int r = 0; r < 12; r++) {
                double u = random.nextDouble();
                builder.add(user, user % 2 * 30 + (int) (30 * u * u), 1f, Long.MIN_VALUE);
            }
        }
        InteractionMatrix all = builder.build(400, 60);
        ImplicitAlsTrainer trainer = ImplicitAlsTrainer.fromSpec(AlgorithmSpec.parse("ials:factors=4"));
        TrainedModel holdOut = trainer.train(
                com.beershop.reco.evaluation.HoldoutSplit.perUser(all, 0.25, 42).train(), 42);

        // when: the final model starts from it (5 iterations) or from scratch (15), with two seeds
        TrainedModel warm = trainer.trainFrom(all, 42, holdOut);
        TrainedModel cold = trainer.train(all, 42);
        TrainedModel otherCold = trainer.train(all, 43);

        // then: warm and cold share as much of each top 5 as two cold starts do
        double coldToCold = overlap(cold, otherCold, all);
        assertThat(coldToCold).as("structure to agree on (chance is about 0.1)").isGreaterThan(0.4);
        assertThat(overlap(warm, cold, all)).as("warm against cold, cold against cold %.3f", coldToCold)
                .isGreaterThanOrEqualTo(coldToCold - 0.05);
    }

    private static double overlap(TrainedModel a, TrainedModel b, InteractionMatrix seen) {
        int same = 0;
        for (int user = 0; user < seen.numUsers(); user++) {
            java.util.Set<Integer> shared = top5(a, seen, user);
            shared.retainAll(top5(b, seen, user));
            same += shared.size();
        }
        return same / (seen.numUsers() * 5.0);
    }

    @Test
    void shouldTrainFromScratchWhenTheStartModelHasAnotherShape() {
        TrainedModel otherK = ImplicitAlsTrainer.fromSpec(AlgorithmSpec.parse("ials:factors=3")).train(TWO_TASTES, 1);
        TrainedModel cold = TRAINER.train(TWO_TASTES, 42);

        TrainedModel fromOther = TRAINER.trainFrom(TWO_TASTES, 42, otherK);

        float[] expected = new float[8];
        float[] actual = new float[8];
        for (int user = 0; user < 10; user++) {
            cold.scoreUser(user, expected);
            fromOther.scoreUser(user, actual);
            assertThat(actual).containsExactly(expected);
        }
    }

    private static java.util.Set<Integer> top5(TrainedModel model, InteractionMatrix seen, int user) {
        float[] scores = new float[seen.numItems()];
        model.scoreUser(user, scores);
        int[] out = new int[5];
        int count = new TopNSelector(5).select(scores, null, seen, user, out);
        java.util.Set<Integer> items = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            items.add(out[i]);
        }
        return items;
    }
}
