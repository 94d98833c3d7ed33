package com.beershop.reco.scoring;

import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationScorerTest {

    // 1 factor: item scores 5, 4, 3, 2, 1 for every user, so the ranked list is plain to compute by hand
    private static final FactorModel DESCENDING = FactorModel.of(1,
            new float[]{1, 1, 1}, new float[]{5, 4, 3, 2, 1});

    @Test
    void shouldRankUnratedAllowedItemsBestFirst() {
        InteractionMatrix ratings = matrix(new int[][]{{0, 3}, {1, 2}, {0, 1}});
        boolean[] allowed = {true, true, true, true, false};

        RecommendationLists lists = new RecommendationScorer(2, 1, 2).scoreAll(DESCENDING, ratings, allowed);

        // user 0 rated items 0 and 3: best remaining allowed are 1 then 2
        assertThat(list(lists, 0)).containsExactly(1, 2);
        // user 1 rated 1 and 2
        assertThat(list(lists, 1)).containsExactly(0, 3);
        // user 2 rated 0 and 1; item 4 is not allowed
        assertThat(list(lists, 2)).containsExactly(2, 3);
        assertThat(lists.totalRows()).isEqualTo(6);
    }

    @Test
    void shouldGiveUsersWithTooFewRatingsTheMostPopularItemsTheyHaveNotRated() {
        // item 4 is rated by everyone else, item 3 by two users: popularity order 4, 3, ...
        InteractionMatrix ratings = matrix(new int[][]{{4, 3}, {4, 3}, {4}, {0}});
        boolean[] allowed = {true, true, true, true, true};

        RecommendationLists lists = new RecommendationScorer(2, 2, 1).scoreAll(DESCENDING, ratings, allowed);

        assertThat(lists.isFallback(2)).isTrue();
        assertThat(list(lists, 2)).containsExactly(3, 0);
        assertThat(lists.isFallback(3)).isTrue();
        assertThat(list(lists, 3)).containsExactly(4, 3);
        assertThat(lists.isFallback(0)).isFalse();
        assertThat(list(lists, 0)).containsExactly(0, 1);
    }

    @Test
    void shouldReturnFewerThanNWhenTooFewCandidatesRemain() {
        InteractionMatrix ratings = matrix(new int[][]{{0, 1, 2, 3}});

        RecommendationLists lists = new RecommendationScorer(3, 1, 1)
                .scoreAll(FactorModel.of(1, new float[]{1}, new float[]{5, 4, 3, 2, 1}), ratings, null);

        assertThat(lists.count(0)).isEqualTo(1);
        assertThat(lists.item(0, 0)).isEqualTo(4);
    }

    private static int[] list(RecommendationLists lists, int user) {
        int[] items = new int[lists.count(user)];
        for (int rank = 0; rank < items.length; rank++) {
            items[rank] = lists.item(user, rank);
        }
        return items;
    }

    private static InteractionMatrix matrix(int[][] rows) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < rows.length; user++) {
            for (int item : rows[user]) {
                builder.add(user, item, 4f, 0);
            }
        }
        return builder.build(rows.length, 5);
    }
}
