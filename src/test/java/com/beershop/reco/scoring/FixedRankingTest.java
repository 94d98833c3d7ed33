package com.beershop.reco.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.InteractionMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedRankingTest {

    @Test
    void shouldPickExactlyTheListsAFullScanPicksTiesNaNsExclusionsAndReRankIncluded() {
        SplittableRandom random = new SplittableRandom(7);
        int items = 300;
        int users = 200;
        int[] styles = new int[items];
        float[] scores = new float[items];
        boolean[] allowed = new boolean[items];
        for (int i = 0; i < items; i++) {
            styles[i] = random.nextInt(6) - 1;
            // few distinct values, so many ties; some NaN, infinities, negative and signed zeros
            int kind = random.nextInt(40);
            scores[i] = kind == 0 ? Float.NaN : kind == 1 ? Float.POSITIVE_INFINITY : kind == 2 ? Float.NEGATIVE_INFINITY
                    : kind == 3 ? -0.0f : random.nextInt(25) - 5;
            allowed[i] = random.nextInt(10) > 0;
        }
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < users; u++) {
            for (int r = random.nextInt(60); r > 0; r--) {
                builder.add(u, random.nextInt(items), 1, 0);
            }
        }
        InteractionMatrix seen = builder.build(users, items);
        FixedRanking ranking = FixedRanking.of(scores);

        for (ListPolicy policy : new ListPolicy[] {new ListPolicy(10, 0), new ListPolicy(10, 0.3), new ListPolicy(1, 0)}) {
            ListPicker scan = policy.newPicker(styles);
            ListPicker sorted = policy.newPicker(styles);
            for (int u = 0; u < users; u++) {
                int[] expected = new int[policy.topN()];
                int[] actual = new int[policy.topN()];
                int expectedCount = scan.pick(scores.clone(), allowed, seen, u, expected);
                int actualCount = sorted.pick(ranking, allowed, seen, u, actual);

                assertThat(Arrays.copyOf(actual, actualCount)).as("user %d, %s", u, policy)
                        .containsExactly(Arrays.copyOf(expected, expectedCount));
            }
        }
    }

    @Test
    void shouldRankNegativeScoresBelowZeroAndTheMostNegativeLastWithSignedZerosAsOne() {
        float[] scores = {-1f, -5f, 2f, -0.5f, 0f, -0f};
        int[] out = new int[6];

        int count = ListPolicy.topN(6).newPicker(null).pick(FixedRanking.of(scores), null, null, 0, out);

        // 0 and -0 tie: the lower item first
        assertThat(Arrays.copyOf(out, count)).containsExactly(2, 4, 5, 3, 0, 1);
    }
}
