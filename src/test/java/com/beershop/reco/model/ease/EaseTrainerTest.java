package com.beershop.reco.model.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Matrices;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EaseTrainerTest {

    // users: {0,1}, {1,2}, {0,1,2}
    private static final InteractionMatrix RATINGS = Matrices.binary(3,
            new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 1, 2});

    @Test
    void shouldMatchTheHandComputedClosedForm() {
        // XᵀX = [[2,2,1],[2,3,2],[1,2,2]]; with lambda = 1, G = [[3,2,1],[2,4,2],[1,2,3]]
        // det G = 3(12-4) - 2(6-2) + 1(4-4) = 16; cofactors give P = G⁻¹ = [[8,-4,0],[-4,8,-4],[0,-4,8]] / 16
        //   = [[0.5,-0.25,0],[-0.25,0.5,-0.25],[0,-0.25,0.5]]
        // B[i][j] = -P[i][j] / P[j][j]: B = [[0,0.5,0],[0.5,0,0.5],[0,0.5,0]]
        EaseModel model = (EaseModel) new EaseTrainer(1, 100).train(RATINGS, 0);

        float[][] expected = {{0f, 0.5f, 0f}, {0.5f, 0f, 0.5f}, {0f, 0.5f, 0f}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(model.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
            }
        }
        // user 0 = x (1,1,0): x·B = row 0 + row 1 = (0.5, 0.5, 0.5)
        float[] scores = new float[3];
        model.scoreUser(0, scores);
        assertThat(scores).containsExactly(new float[] {0.5f, 0.5f, 0.5f}, within(1e-6f));
    }

    @Test
    void shouldRefuseACatalogueLargerThanMaxItems() {
        EaseTrainer trainer = EaseTrainer.fromSpec(AlgorithmSpec.of("ease", Map.of("max-items", "2")));
        assertThatThrownBy(() -> trainer.train(RATINGS, 0))
                .isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("3 items").hasMessageContaining("max-items=2");
    }

    @Test
    void shouldRejectUnknownParameters() {
        assertThatThrownBy(() -> EaseTrainer.fromSpec(AlgorithmSpec.of("ease", Map.of("reg", "1"))))
                .isInstanceOf(InvalidAlgorithmSpecException.class);
        assertThat(EaseTrainer.fromSpec(AlgorithmSpec.of("ease", Map.of())).algorithm()).isEqualTo("ease");
    }

    @Test
    void shouldWeighAUsersRecentRatingsAboveTheirOldOnesWithAProfileHalfLife() {
        long day = 24L * 3600 * 1000;
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int user = 0; user < 4; user++) {
            builder.add(user, 0, 1f, 0);          // items 0 and 1 go together
            builder.add(user, 1, 1f, 0);
            builder.add(user + 4, 2, 1f, 0);      // items 2 and 3 go together
            builder.add(user + 4, 3, 1f, 0);
        }
        builder.add(8, 0, 1f, 0);                 // user 8: item 0 long ago, item 2 a hundred days later
        builder.add(8, 2, 1f, 100 * day);
        InteractionMatrix ratings = builder.build(9, 4);
        float[] plain = new float[4];
        float[] decayed = new float[4];

        new EaseTrainer(1, 100).train(ratings, 0).scoreUser(8, plain);
        EaseTrainer recentFirst = EaseTrainer.fromSpec(AlgorithmSpec.parse("ease:lambda=1,profile-half-life=30"));
        EaseModel model = (EaseModel) recentFirst.train(ratings, 0);
        model.scoreUser(8, decayed);

        // alike without decay; with it, the neighbour of the recent rating leads
        assertThat(plain[1]).isCloseTo(plain[3], within(1e-5f));
        assertThat(decayed[3]).isGreaterThan(decayed[1]);
        // item 0's row counts 2^(-100/30) of item 2's: it was rated 100 days before the user's latest
        float old = (float) Math.pow(2, -100 / 30.0);
        for (int item : new int[] {1, 3}) {
            assertThat(decayed[item]).isCloseTo(old * model.weight(0, item) + model.weight(2, item), within(1e-5f));
        }
        assertThat(recentFirst.effectiveParams()).containsEntry("profile-half-life", 30.0);
        assertThat(new EaseTrainer(1, 100).effectiveParams()).doesNotContainKey("profile-half-life");
    }
}
