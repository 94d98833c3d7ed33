package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    // user 0 has 8 ratings, user 1 has 1, user 2 has 3, user 3 has 2
    private static final InteractionMatrix RATINGS = Matrices.binary(10,
            new int[] {0, 1, 2, 3, 4, 5, 6, 7},
            new int[] {4},
            new int[] {1, 5, 9},
            new int[] {2, 3});

    @Test
    void shouldHoldOutRoundedFractionKeepingAtLeastOneInTrain() {
        // when a quarter is held out
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 42);
        // then round(0.25*8) = 2, user 1 is too small to split, round(0.25*3) = round(0.75) = 1, round(0.5) = 1
        assertThat(IntStream.range(0, 4).map(split::testSize)).containsExactly(2, 0, 1, 1);
        assertThat(IntStream.range(0, 4).map(split.train()::rowSize)).containsExactly(6, 1, 2, 1);
        assertThat(split.numTestRatings()).isEqualTo(4);
    }

    @Test
    void shouldLeaveOneTrainingItemEvenForALargeFraction() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.9, 42);
        // round(0.9*2) = 2 would empty user 3's training row; it keeps 1
        assertThat(split.testSize(3)).isEqualTo(1);
        assertThat(split.train().rowSize(3)).isEqualTo(1);
        assertThat(split.testSize(0)).isEqualTo(7);
    }

    @Test
    void shouldPartitionEachUsersRatingsWithTheSameDimensions() {
        HoldoutSplit split = HoldoutSplit.perUser(RATINGS, 0.25, 7);
        assertThat(split.train().numUsers()).isEqualTo(4);
        assertThat(split.train().numItems()).isEqualTo(10);
        for (int u = 0; u < 4; u++) {
            List<Integer> union = new ArrayList<>();
            for (int e = split.train().rowStart(u); e < split.train().rowEnd(u); e++) {
                union.add(split.train().itemAt(e));
            }
            for (int item : split.testItems(u)) {
                assertThat(split.train().contains(u, item)).isFalse();
                union.add(item);
            }
            List<Integer> original = new ArrayList<>();
            for (int e = RATINGS.rowStart(u); e < RATINGS.rowEnd(u); e++) {
                original.add(RATINGS.itemAt(e));
            }
            assertThat(union).containsExactlyInAnyOrderElementsOf(original);
        }
    }

    @Test
    void shouldSplitAlikeOnOneThreadAndOnFourForEveryKindOfSplit() throws Exception {
        // enough users for many parallel blocks; rows of 1 to 30 ratings over a year, some without a time
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        int users = 20_000;
        for (int u = 0; u < users; u++) {
            int n = 1 + random.nextInt(30);
            for (int j = 0; j < n; j++) {
                long millis = random.nextInt(20) == 0 ? Long.MIN_VALUE
                        : 1_700_000_000_000L + random.nextLong(365L * 24 * 3_600_000);
                builder.add(u, random.nextInt(500), 1 + random.nextInt(5), millis);
            }
        }
        InteractionMatrix ratings = builder.build(users, 500);
        int cut = 28_500_000; // minutes since the epoch, about five months into the year
        java.util.List<java.util.function.Supplier<HoldoutSplit>> kinds = List.of(
                () -> HoldoutSplit.perUser(ratings, 0.25, 42),
                () -> HoldoutSplit.latestPerUser(ratings, 0.2, 3, 42),
                () -> HoldoutSplit.globalCut(ratings, cut, 2, 42));
        for (java.util.function.Supplier<HoldoutSplit> kind : kinds) {
            HoldoutSplit one = onThreads(1, kind);
            HoldoutSplit four = onThreads(4, kind);
            assertThat(four.numTestRatings()).isEqualTo(one.numTestRatings()).isPositive();
            assertThat(four.train().numRatings()).isEqualTo(one.train().numRatings()).isPositive();
            for (int u = 0; u < users; u++) {
                assertThat(four.testItems(u)).as("user %d's held-out items", u).isEqualTo(one.testItems(u));
                assertThat(four.train().rowStart(u)).isEqualTo(one.train().rowStart(u));
            }
            for (int e = 0; e < one.train().numRatings(); e++) {
                assertThat(four.train().itemAt(e)).isEqualTo(one.train().itemAt(e));
                assertThat(four.train().valueAt(e)).isEqualTo(one.train().valueAt(e));
                assertThat(four.train().timeAt(e)).isEqualTo(one.train().timeAt(e));
            }
            assertThat(four.allTestValues()).isEqualTo(one.allTestValues());
        }
    }

    private static HoldoutSplit onThreads(int threads, java.util.function.Supplier<HoldoutSplit> split)
            throws Exception {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(split::get).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldGiveTheSameSplitForTheSameSeedAndAnotherForAnotherSeed() {
        int[] manyItems = IntStream.range(0, 100).toArray();
        InteractionMatrix ratings = Matrices.binary(100, manyItems, manyItems);

        HoldoutSplit first = HoldoutSplit.perUser(ratings, 0.25, 42);
        HoldoutSplit again = HoldoutSplit.perUser(ratings, 0.25, 42);
        HoldoutSplit other = HoldoutSplit.perUser(ratings, 0.25, 43);

        assertThat(again.testItems(0)).containsExactly(first.testItems(0));
        assertThat(again.testItems(1)).containsExactly(first.testItems(1));
        assertThat(other.testItems(0)).isNotEqualTo(first.testItems(0));
        // users are split independently: two identical rows get different hold-outs
        assertThat(first.testItems(1)).isNotEqualTo(first.testItems(0));
        assertThat(first.testItems(0)).hasSize(25).isSorted();
    }

    @Test
    void shouldHoldOutEachUsersLatestRatingsInATimeAwareSplit() {
        // user 0 rated items 0..7; item 5 last, item 2 before it, item 0 third-latest; user 1 rated two items
        InteractionMatrix timed = new InteractionMatrix(2, 10, new int[] {0, 8, 10},
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 3, 8}, new float[10],
                new int[] {500, 10, 900, 20, 30, 1000, 40, 50, 7, 5});

        HoldoutSplit split = HoldoutSplit.latestPerUser(timed, 0.25, 2, 42);

        assertThat(split.testItems(0)).containsExactly(2, 5); // round(0.25 * 8) = 2 latest
        assertThat(split.testItems(1)).containsExactly(3);    // its later one, not its higher item
        assertThat(split.train().rowSize(0)).isEqualTo(6);
        assertThat(split.train().timeAt(split.train().rowStart(0))).as("times travel with the training part")
                .isEqualTo(500);
    }

    @Test
    void shouldCountRatingsWithoutATimeAsTheOldestInATimeAwareSplit() {
        int unknown = InteractionMatrix.UNKNOWN_TIME;
        InteractionMatrix timed = new InteractionMatrix(1, 4, new int[] {0, 4}, new int[] {0, 1, 2, 3}, new float[4],
                new int[] {unknown, 100, unknown, 50});

        assertThat(HoldoutSplit.latestPerUser(timed, 0.5, 2, 1).testItems(0)).containsExactly(1, 3);
    }

    @Test
    void shouldRefuseATimeAwareSplitOfRatingsWithoutTimes() {
        InteractionMatrix untimed = new InteractionMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1}, new float[2]);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HoldoutSplit.latestPerUser(untimed, 0.25, 2, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times");
    }

    @Test
    void shouldTrainOnThePastAndJudgeWhatUsersWithAHistoryRatedAfterAGlobalCut() {
        long day = 24L * 3600 * 1000;
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        builder.add(0, 0, 1f, day);       // user 0: history, then items 1 (known) and 3 (new) after the cut
        builder.add(0, 1, 1f, 20 * day);
        builder.add(0, 3, 1f, 21 * day);
        builder.add(1, 1, 1f, 2 * day);   // user 1: history only
        builder.add(2, 0, 1f, 22 * day);  // user 2: no history, rates after the cut only
        builder.add(1, 2, 1f, 3 * day);
        InteractionMatrix ratings = builder.build(3, 4);

        HoldoutSplit split = HoldoutSplit.globalCut(ratings, 10 * 24 * 60, 1, 5);

        assertThat(IntStream.range(0, 3).map(split.train()::rowSize)).containsExactly(1, 2, 0);
        assertThat(split.testItems(0)).containsExactly(1);   // item 3 was not rated before the cut
        assertThat(split.testSize(1)).isZero();
        assertThat(split.testSize(2)).isZero();              // no history: nothing to judge a list on
        assertThat(split.numTestRatings()).isEqualTo(1);
        assertThat(split.train().numItems()).isEqualTo(4);
        assertThat(split.seed()).isEqualTo(5);
    }
}
