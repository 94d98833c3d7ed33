package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.InteractionMatrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ListPolicyTest {

    // twelve items: 0-8 are IPAs (style 0), 9 a stout (1), 10 a pils (2), 11 has no style
    private static final int[] STYLES = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, -1};
    // the model scores item 0 best, then 1, 2, ... down to item 11
    private static final float[] SCORES = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    private static final InteractionMatrix NOTHING_RATED = new InteractionMatrix(1, 12, new int[] {0, 0}, new int[0],
            new float[0]);

    @Test
    void shouldPickTheBestNByScoreWhenTheWeightIsZero() {
        assertThat(pick(new ListPolicy(4, 0))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldLetOtherStylesClimbIntoTheListWhenTheWeightIsRaised() {
        // the pool is the best 12 (3 x 4): the stout and the pils climb from places 10 and 11
        int[] list = pick(new ListPolicy(4, 0.5));

        assertThat(list).hasSize(4).contains(0, 9, 10);
        assertThat(Arrays.stream(list).map(item -> STYLES[item]).distinct().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldStillLeaveOutRatedAndUnrecommendableItemsWhenReRanking() {
        boolean[] allowed = new boolean[12];
        Arrays.fill(allowed, true);
        allowed[9] = false; // the stout is delisted
        InteractionMatrix rated = new InteractionMatrix(1, 12, new int[] {0, 1}, new int[] {10}, new float[] {5});

        int[] out = new int[4];
        int count = new ListPolicy(4, 0.5).newPicker(STYLES).pick(SCORES, allowed, rated, 0, out);

        assertThat(Arrays.copyOf(out, count)).doesNotContain(9, 10).contains(11);
    }

    @Test
    void shouldMeasureDistinctStylesAndCrowdedListsOfTheScoredLists() {
        RecommendationLists lists = new RecommendationScorer(new ListPolicy(4, 0), 0, com.beershop.reco.model.Workers.of(1))
                .scoreAll(com.beershop.reco.model.FactorModel.of(1, new float[] {1}, SCORES),
                        ScoringInput.of(NOTHING_RATED, null, STYLES));

        ListDiversity diversity = ListDiversity.of(lists, STYLES);

        assertThat(diversity.meanDistinctStyles()).isEqualTo(1.0); // four IPAs
        assertThat(diversity.crowdedListsShare()).isEqualTo(1.0);
        assertThat(diversity.lists()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAWeightOutsideZeroToOneAndAReRankWithoutStyles() {
        assertThatThrownBy(() -> new ListPolicy(10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListPolicy(10, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListPolicy(10, 0.2).newPicker(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] pick(ListPolicy policy) {
        int[] out = new int[policy.topN()];
        int count = policy.newPicker(STYLES).pick(SCORES, null, NOTHING_RATED, 0, out);
        return Arrays.copyOf(out, count);
    }
}
