package com.beershop.reco.model.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Matrices;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.scoring.TopNSelector;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MostPopularTrainerTest {

    // rating counts: item 0: 1, item 1: 3, item 2: 2, item 3: 0, item 4: 2
    private static final InteractionMatrix RATINGS = Matrices.binary(5,
            new int[] {1, 2, 4}, new int[] {1, 2}, new int[] {0, 1, 4}, new int[] {});

    @Test
    void shouldScoreEachItemByItsNumberOfRatings() {
        TrainedModel model = MostPopularTrainer.fromSpec(AlgorithmSpec.of("most-popular", Map.of())).train(RATINGS, 0);
        float[] scores = new float[5];
        model.scoreUser(3, scores);
        assertThat(scores).containsExactly(1f, 3f, 2f, 0f, 2f);
    }

    @Test
    void shouldRankByPopularityTiesToLowerIndexSkippingRatedItems() {
        TrainedModel model = new MostPopularTrainer().train(RATINGS, 0);
        // user 3 rated nothing: 1 (3), then the tie 2 and 4 (2 each) by index, then 0 (1), then 3 (0)
        assertThat(topN(model, 3, 5)).containsExactly(1, 2, 4, 0, 3);
        // user 1 rated 1 and 2
        assertThat(topN(model, 1, 5)).containsExactly(4, 0, 3);
    }

    @Test
    void shouldRejectAnyParameter() {
        assertThatThrownBy(() -> MostPopularTrainer.fromSpec(AlgorithmSpec.of("most-popular", Map.of("n", "3"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class);
    }

    private static int[] topN(TrainedModel model, int user, int n) {
        float[] scores = new float[RATINGS.numItems()];
        model.scoreUser(user, scores);
        int[] out = new int[n];
        return Arrays.copyOf(out, new TopNSelector(n).select(scores, null, RATINGS, user, out));
    }
}
