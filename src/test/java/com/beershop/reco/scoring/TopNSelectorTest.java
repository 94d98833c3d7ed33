package com.beershop.reco.scoring;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TopNSelectorTest {

    @Test
    void shouldBreakTiesTowardsTheLowerItemAndSkipNaN() {
        float[] scores = {1, Float.NaN, 3, 3, 2, 3, Float.NaN, 5, 3};
        int[] out = new int[4];

        int count = new TopNSelector(4).select(scores, null, null, 0, out);

        assertThat(count).isEqualTo(4);
        assertThat(out).containsExactly(7, 2, 3, 5);
    }

    @Test
    void shouldSkipDisallowedItemsEvenWhenTheyBeatTheKeptOnes() {
        float[] scores = {1, 2, 3, 4, 5, 6};
        boolean[] allowed = {true, true, true, true, false, true};
        int[] out = new int[3];

        int count = new TopNSelector(3).select(scores, allowed, null, 0, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(5, 3, 2);
    }

    @Test
    void shouldNeverChooseAnInfiniteScoreAndCountEveryNonFiniteOne() {
        // infinities and NaN both in the first N (the heap's fill) and after it (the one-compare path)
        float[] scores = {Float.POSITIVE_INFINITY, 1, Float.NaN, 2, Float.NEGATIVE_INFINITY, 4, Float.POSITIVE_INFINITY,
                3, Float.NaN};
        int[] out = new int[3];
        TopNSelector selector = new TopNSelector(3);

        int count = selector.select(scores, null, null, 0, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(5, 7, 3);
        assertThat(selector.nonFiniteScores()).isEqualTo(5);
        selector.select(new float[] {1, 2, 3, 4}, null, null, 0, out);
        assertThat(selector.nonFiniteScores()).as("counted per call").isZero();
    }
}
