package com.beershop.reco.model.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.ease.EaseTrainer;
import org.junit.jupiter.api.Test;

class TrendBlendTrainerTest {

    private static final long DAY = 24L * 3600 * 1000;

    /**
     * Items 0 and 1 go together (users 0-3 rated both, long ago); item 2 is this week's release (users 4-6).
     * User 7 rated item 0 only.
     */
    private static InteractionMatrix ratings() {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 4; user++) {
            builder.add(user, 0, 1f, user * DAY);
            builder.add(user, 1, 1f, user * DAY);
        }
        for (int user = 4; user < 7; user++) {
            builder.add(user, 2, 1f, (200 + user) * DAY);
        }
        builder.add(7, 0, 1f, 10 * DAY);
        return builder.build(8, 3);
    }

    private static Trainer create(String spec) {
        return TrendBlendTrainer.create(AlgorithmSpec.parse(spec), EaseTrainer::fromSpec);
    }

    private static float[] scores(Trainer trainer, int user) {
        float[] scores = new float[3];
        trainer.train(ratings(), 0).scoreUser(user, scores);
        return scores;
    }

    @Test
    void shouldLetTheTrendOutrankTheCollaborativeNeighbourOnlyWhenWeighted() {
        float[] plain = scores(create("ease:lambda=1"), 7);
        float[] blended = scores(create("ease:lambda=1,trend-weight=2"), 7);

        assertThat(plain[1]).isGreaterThan(plain[2]);
        assertThat(blended[2]).isGreaterThan(blended[1]);
        // the model's scores are scaled to the user's largest, the trend to its largest: item 2 gets 2 x 1 on top
        assertThat(blended[2] - plain[2] / Math.abs(max(plain))).isCloseTo(2f, within(1e-4f));
    }

    @Test
    void shouldBeThePlainModelAtWeightZeroAndRecordTheBlendOtherwise() {
        assertThat(create("ease:lambda=1,trend-weight=0").effectiveParams())
                .isEqualTo(create("ease:lambda=1").effectiveParams());
        assertThat(create("ease:lambda=1,trend-weight=1.5,trend-half-life=7").effectiveParams())
                .containsEntry("lambda", 1.0).containsEntry("trend-weight", 1.5).containsEntry("trend-half-life", 7.0);
        assertThat(create("ease:lambda=1,trend-weight=1").algorithm()).isEqualTo("ease");
    }

    @Test
    void shouldRejectANegativeWeightAndStillCatchTheModelsUnknownParameters() {
        assertThatThrownBy(() -> create("ease:trend-weight=-1"))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("trend-weight");
        assertThatThrownBy(() -> create("ease:trend-weight=1,lamda=3"))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("lamda");
        assertThatThrownBy(() -> create("ease:trend-weight=1,trend-half-life=0"))
                .isInstanceOf(InvalidAlgorithmSpecException.class).hasMessageContaining("half-life");
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
