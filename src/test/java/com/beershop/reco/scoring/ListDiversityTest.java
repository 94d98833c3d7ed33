package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** How varied the published lists are by style, as the run reports it. */
class ListDiversityTest {

    private static final Workers ONE_THREAD = Workers.of(1);
    // items 0-2 are IPAs (style 0), item 3 a stout (1), items 4 and 5 have no style
    private static final int[] STYLES = {0, 0, 0, 1, -1, -1};
    // every user: item 0 best, then 1, 2, ... 5
    private static final FactorModel DESCENDING = FactorModel.of(1, new float[] {1, 1, 1, 1, 1},
            new float[] {6, 5, 4, 3, 2, 1});

    @AfterAll
    static void stopWorkers() {
        ONE_THREAD.close();
    }

    @Test
    void shouldCountDistinctStylesPerListAndTheListsOneStyleFillsMoreThanHalfOf() {
        InteractionMatrix ratings = Matrices.binary(6,
                new int[] {},                   // 0, 1, 2, 3: three IPAs of four places, crowded
                new int[] {0, 1},               // 2, 3, 4, 5: IPA, stout, two without style: four distinct
                new int[] {0, 1, 2, 3, 4, 5},   // rated everything: an empty list, left out
                new int[] {0, 1, 2},            // 3, 4, 5: three distinct
                new int[] {2, 4});              // 0, 1, 3, 5: two IPAs of four places is half, not crowded

        RecommendationLists lists = new RecommendationScorer(4, 0, ONE_THREAD)
                .scoreAll(DESCENDING, ScoringInput.of(ratings, null, STYLES));

        ListDiversity diversity = lists.diversity();
        assertThat(lists.usersServed()).as("the user who rated everything got nothing").isEqualTo(4);
        assertThat(diversity.lists()).isEqualTo(4);
        assertThat(diversity.meanDistinctStyles()).isEqualTo((2 + 4 + 3 + 3) / 4.0);
        assertThat(diversity.crowdedListsShare()).isEqualTo(0.25);
        assertThat(ListDiversity.of(lists, STYLES)).isEqualTo(diversity);
    }

    @Test
    void shouldGiveNoFiguresWhenNoUserGotAList() {
        InteractionMatrix ratings = Matrices.binary(6, new int[] {0, 1, 2, 3, 4, 5});

        RecommendationLists lists = new RecommendationScorer(4, 0, ONE_THREAD)
                .scoreAll(DESCENDING, ScoringInput.of(ratings, null, STYLES));

        assertThat(lists.diversity().lists()).isZero();
        assertThat(lists.diversity().meanDistinctStyles()).isNaN();
        assertThat(lists.diversity().crowdedListsShare()).isNaN();
    }

    @Test
    void shouldMeasureNothingWhenTheListsWereScoredWithoutStyles() {
        RecommendationLists lists = new RecommendationScorer(4, 0, ONE_THREAD)
                .scoreAll(DESCENDING, Matrices.binary(6, new int[] {0}), null);

        assertThat(lists.diversity()).isNull();
    }

    @Test
    void shouldCountAListOfItemsWithoutStyleAsDistinctEvenWhenNoItemHasAStyle() {
        int[] noStyles = {-1, -1, -1, -1, -1, -1};
        RecommendationLists lists = new RecommendationScorer(4, 0, ONE_THREAD)
                .scoreAll(DESCENDING, ScoringInput.of(Matrices.binary(6, new int[] {0}), null, noStyles));

        assertThat(lists.diversity().meanDistinctStyles()).isEqualTo(4.0);
        assertThat(lists.diversity().crowdedListsShare()).isZero();
    }
}
