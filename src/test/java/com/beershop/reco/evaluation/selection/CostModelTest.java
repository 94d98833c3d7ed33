package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import org.junit.jupiter.api.Test;

/** What a candidate costs the selection's work budget: each algorithm's formula over the data's shape. */
class CostModelTest {

    // 10 users, 4 items, 20 ratings
    private static final InteractionMatrix DATA = twoRatingsPerUser(10, 4);

    @Test
    void shouldCountTheWorkOfEachAlgorithmByItsCostFormula() {
        // EASE: items³ / 2 for the inverse, users x items x 10 for scoring
        assertThat(CostModel.units(AlgorithmSpec.parse("ease:lambda=100"), DATA)).isEqualTo(32 + 400);
        // iALS: iterations x (cg-steps + 1) x (4 nnz k + (users + items) k²) + users x items x k
        assertThat(CostModel.units(AlgorithmSpec.parse("ials:factors=2,cg-steps=1,iterations=3"), DATA))
                .isEqualTo(3 * 2 * (4 * 20 * 2 + 14 * 4) + 10 * 4 * 2);
        assertThat(CostModel.units(AlgorithmSpec.parse("ials"), DATA)).as("defaults k 8, 3 CG steps, 15 iterations")
                .isEqualTo(15 * 4 * (4 * 20 * 8 + 14 * 64) + 10 * 4 * 8);
        assertThat(CostModel.units(AlgorithmSpec.parse("most-popular"), DATA)).isEqualTo(20 + 40);
        assertThat(CostModel.units(AlgorithmSpec.parse("recent-popular:half-life=7"), DATA)).isEqualTo(20 + 40);
        assertThat(CostModel.units(AlgorithmSpec.parse("biasedmf"), DATA)).as("a LibRec trainer")
                .isEqualTo(20 * 1000 + 10 * 4 * 10);
    }

    private static InteractionMatrix twoRatingsPerUser(int users, int items) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            builder.add(u, u % items, 1f, Long.MIN_VALUE);
            builder.add(u, (u + 1) % items, 1f, Long.MIN_VALUE);
        }
        return builder.build(users, items);
    }
}
