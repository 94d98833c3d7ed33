package com.beershop.reco.model.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
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
}
