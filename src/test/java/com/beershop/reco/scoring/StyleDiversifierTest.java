package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StyleDiversifierTest {

    // items 0-5 are IPAs (style 0), item 6 a stout (1), item 7 a pils (2)
    private static final int[] STYLES = {0, 0, 0, 0, 0, 0, 1, 2};
    // the model's order: five IPAs, then the stout, another IPA, the pils
    private static final int[] POOL = {0, 1, 2, 3, 4, 6, 5, 7};

    @Test
    void shouldKeepTheModelsOrderWhenTheWeightIsZero() {
        assertThat(rerank(0, 3)).containsExactly(0, 1, 2);
    }

    @Test
    void shouldLiftTheFirstItemOfANewStyleAboveRepeatsOfAStyleAlreadyListed() {
        // relevance 1 - p/8; weight 0.25: a second IPA loses 0.25, worth 0.25/0.75*8 = 2.7 places
        // place 2: item 1 = 0.75*7/8 - 0.25 = 0.40625 beats the stout (p=5) at 0.75*3/8 = 0.28125
        // place 3: item 2 = 0.3125 still beats it; place 4: item 3 = 0.21875 does not -> the stout
        // place 5: item 3 (0.21875) beats the pils (p=7, 0.09375)
        assertThat(rerank(0.25, 5)).containsExactly(0, 1, 2, 6, 3);
    }

    @Test
    void shouldPutEveryStyleInTheListFirstWhenTheWeightIsHigh() {
        assertThat(rerank(0.6, 4)).containsExactly(0, 6, 7, 1);
    }

    @Test
    void shouldRefuseAWeightOfOneOrMore() {
        assertThatThrownBy(() -> new StyleDiversifier(STYLES, 1, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBreakATieTowardsTheCandidateTheModelRankedHigher() {
        // weight 0.2, pool of 8: a second IPA at place 1 (0.8 x 7/8 - 0.2) ties the stout at place 3 (0.8 x 5/8)
        int[] styles = {0, 0, 0, 1, 0, 0, 0, 0};
        int[] pool = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] out = new int[2];

        int count = new StyleDiversifier(styles, 0.2, 8).rerank(pool, 8, 2, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(0, 1);
    }

    @Test
    void shouldGiveTheSameListForTheSamePoolEachTimeItIsUsed() {
        StyleDiversifier diversifier = new StyleDiversifier(STYLES, 0.6, POOL.length);
        int[] first = new int[4];
        int[] second = new int[4];
        int[] shorter = new int[2];

        diversifier.rerank(POOL, POOL.length, 4, first);
        diversifier.rerank(new int[] {7, 6, 0, 1}, 4, 2, shorter);
        diversifier.rerank(POOL, POOL.length, 4, second);

        assertThat(first).containsExactly(0, 6, 7, 1);
        assertThat(shorter).containsExactly(7, 6);
        assertThat(second).containsExactly(first);
    }

    @Test
    void shouldRefuseANegativeWeightAndTellItsWeight() {
        assertThatThrownBy(() -> new StyleDiversifier(STYLES, -0.1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new StyleDiversifier(STYLES, 0.3, 8).weight()).isEqualTo(0.3);
    }

    @Test
    void shouldReturnFewerThanNWhenThePoolIsSmaller() {
        int[] out = new int[5];

        int count = new StyleDiversifier(STYLES, 0.6, 8).rerank(new int[] {0, 1, 6}, 3, 5, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(0, 6, 1);
    }

    private static int[] rerank(double weight, int n) {
        int[] out = new int[n];
        int count = new StyleDiversifier(STYLES, weight, POOL.length).rerank(POOL, POOL.length, n, out);
        return Arrays.copyOf(out, count);
    }
}
