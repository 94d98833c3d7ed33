package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TopNSelectorTest {

    @Test
    void shouldBreakTiesTowardsTheLowerItemAndSkipNaN() {
        float[] scores = {1, Float.NaN, 3, 3, 2, 3, Float.NaN, 5, 3};
        int[] out = new int[4];

        int count = new TopNSelector(4).select(scores, null, null, 0, out);

        assertThat(count).isEqualTo(4);
        assertThat(out).containsExactly(7, 2, 3, 5);
    }

    @Test
    void shouldSkipDisallowedItemsEvenWhenTheyBeatTheKeptOnes() {
        float[] scores = {1, 2, 3, 4, 5, 6};
        boolean[] allowed = {true, true, true, true, false, true};
        int[] out = new int[3];

        int count = new TopNSelector(3).select(scores, allowed, null, 0, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(5, 3, 2);
    }

    @Test
    void shouldNeverChooseAnInfiniteScoreAndCountEveryNonFiniteOne() {
        // infinities and NaN both in the first N (the heap's fill) and after it (the one-compare path)
        float[] scores = {Float.POSITIVE_INFINITY, 1, Float.NaN, 2, Float.NEGATIVE_INFINITY, 4, Float.POSITIVE_INFINITY,
                3, Float.NaN};
        int[] out = new int[3];
        TopNSelector selector = new TopNSelector(3);

        int count = selector.select(scores, null, null, 0, out);

        assertThat(Arrays.copyOf(out, count)).containsExactly(5, 7, 3);
        assertThat(selector.nonFiniteScores()).isEqualTo(5);
        selector.select(new float[] {1, 2, 3, 4}, null, null, 0, out);
        assertThat(selector.nonFiniteScores()).as("counted per call").isZero();
    }

    static Stream<Arguments> scansAndItems() {
        return Stream.of("scalar", "vector").flatMap(scan -> IntStream.of(0, 1, 7, 8, 9, 10, 17, 64, 1000, 20003)
                .mapToObj(items -> Arguments.of(scan, items)));
    }

    @ParameterizedTest(name = "{0} scan, {1} items")
    @MethodSource("scansAndItems")
    void shouldPickTheSameItemsAndCountTheSameNonFiniteScoresAsOneItemAtATime(String scanName, int items) {
        // given: ties, NaN and both infinities everywhere (in the heap's fill, inside and at the ends of the
        // eight-item blocks, in the tail), a third of the items not recommendable and some rated by the user
        SplittableRandom random = new SplittableRandom(20261205L + items);
        for (int round = 0; round < 20; round++) {
            float[] scores = new float[items];
            boolean[] allowed = new boolean[items];
            int[] rated = random.ints(Math.min(items, 15), 0, Math.max(1, items)).distinct().sorted().toArray();
            for (int i = 0; i < items; i++) {
                int kind = random.nextInt(40);
                scores[i] = kind == 0 ? Float.NaN : kind == 1 ? Float.POSITIVE_INFINITY
                        : kind == 2 ? Float.NEGATIVE_INFINITY : random.nextInt(200) / 8f;
                allowed[i] = random.nextInt(3) > 0;
            }
            InteractionMatrix seen = Matrices.binary(Math.max(1, items), items == 0 ? new int[0] : rated);
            int n = 1 + random.nextInt(12);
            TopNSelector selector = new TopNSelector(n, scanName.equals("scalar") ? ScalarScoreScan.INSTANCE
                    : new VectorScoreScan());
            int[] out = new int[n];
            int[] expected = new int[n];

            // when
            int count = selector.select(scores, allowed, seen, 0, out);
            PlainSelection plain = PlainSelection.select(n, scores, allowed, seen, expected);

            // then
            assertThat(Arrays.copyOf(out, count)).containsExactly(Arrays.copyOf(expected, plain.count()));
            assertThat(selector.nonFiniteScores()).isEqualTo(plain.nonFinite());
        }
    }

    @Test
    void shouldStopAtTheSameBlocksWithEitherScan() {
        // the tests' JVM has the Vector API module (the surefire argLine): the selector scans on vectors here
        assertThat(ScoreScan.fastest()).isInstanceOf(VectorScoreScan.class);
        ScoreScan vector = new VectorScoreScan();
        SplittableRandom random = new SplittableRandom(20261205L);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.MAX_VALUE};
        for (int round = 0; round < 2_000; round++) {
            float[] scores = new float[random.nextInt(0, 70)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(30) == 0 ? specials[random.nextInt(specials.length)]
                        : random.nextInt(-50, 50) / 4f;
            }
            float worst = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(-60, 60) / 4f;
            int from = random.nextInt(0, 9);
            assertThat(vector.nextBlock(scores, from, scores.length, worst))
                    .as("round %d", round)
                    .isEqualTo(ScalarScoreScan.INSTANCE.nextBlock(scores, from, scores.length, worst));
        }
    }

    /** The selection by its definition, a full sort of the candidates: the reference. */
    private record PlainSelection(int count, int nonFinite) {

        static PlainSelection select(int n, float[] scores, boolean[] allowed, InteractionMatrix seen, int[] out) {
            // a full sort by (score desc, item asc) of the finite, recommendable, unrated items
            int nonFinite = 0;
            java.util.List<Integer> candidates = new java.util.ArrayList<>();
            for (int item = 0; item < scores.length; item++) {
                if (!Float.isFinite(scores[item])) {
                    nonFinite++;
                } else if (allowed[item] && !seen.contains(0, item)) {
                    candidates.add(item);
                }
            }
            candidates.sort((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a])
                    : Integer.compare(a, b));
            int count = Math.min(n, candidates.size());
            for (int i = 0; i < count; i++) {
                out[i] = candidates.get(i);
            }
            return new PlainSelection(count, nonFinite);
        }
    }
}
