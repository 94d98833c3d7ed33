package com.beershop.reco.model.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentPopularTrainerTest {

    private static final long DAY = 24L * 3600 * 1000;

    /** Item 0: three ratings on day 0; item 1: two ratings on day 100 (the latest day); item 2: one on day 86. */
    private static InteractionMatrix ratings() {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        builder.add(0, 0, 1f, 0);
        builder.add(1, 0, 1f, 0);
        builder.add(2, 0, 1f, 0);
        builder.add(0, 1, 1f, 100 * DAY);
        builder.add(1, 1, 1f, 100 * DAY);
        builder.add(2, 2, 1f, 86 * DAY);
        return builder.build(3, 3);
    }

    private static float[] scores(RecentPopularTrainer trainer, InteractionMatrix ratings) {
        float[] scores = new float[ratings.numItems()];
        trainer.train(ratings, 0).scoreUser(0, scores);
        return scores;
    }

    @Test
    void shouldRankWhatWasRatedLatelyAboveWhatWasRatedMostLongAgo() {
        float[] scores = scores(new RecentPopularTrainer(14, 0), ratings());

        // ages from the latest rating: item 1 two ratings of age 0, item 2 one of 14 days (one half-life)
        assertThat(scores[1]).isCloseTo(2f, within(1e-5f));
        assertThat(scores[2]).isCloseTo(0.5f, within(1e-5f));
        assertThat(scores[0]).isCloseTo((float) (3 * Math.pow(2, -100 / 14.0)), within(1e-6f));
        assertThat(scores[1]).isGreaterThan(scores[2]);
        assertThat(scores[2]).isGreaterThan(scores[0]);
    }

    @Test
    void shouldCountNothingOutsideTheWindow() {
        float[] scores = scores(new RecentPopularTrainer(1e6, 30), ratings());

        assertThat(scores[0]).isZero();
        assertThat(scores[1]).isCloseTo(2f, within(1e-4f));
        assertThat(scores[2]).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void shouldRankAsMostPopularWhenTheRatingsCarryNoTimes() {
        InteractionMatrix untimed = new InteractionMatrix(3, 3, new int[] {0, 2, 3, 4},
                new int[] {0, 1, 0, 0}, new float[] {1, 1, 1, 1});

        assertThat(scores(new RecentPopularTrainer(14, 7), untimed)).containsExactly(3f, 1f, 0f);
    }

    @Test
    void shouldTakeItsParametersFromTheSpecAndRejectOthers() {
        RecentPopularTrainer trainer = RecentPopularTrainer.fromSpec(AlgorithmSpec.parse("recent-popular:half-life=7"));

        assertThat(trainer.effectiveParams()).isEqualTo(Map.of("half-life", 7.0, "window", 0.0));
        assertThat(trainer.train(ratings(), 0).sameScoresForEveryUser()).isTrue();
        assertThatThrownBy(() -> RecentPopularTrainer.fromSpec(AlgorithmSpec.parse("recent-popular:halflife=7")))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("halflife");
        assertThatThrownBy(() -> RecentPopularTrainer.fromSpec(AlgorithmSpec.parse("recent-popular:half-life=0")))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("half-life");
    }
}
