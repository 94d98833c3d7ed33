package com.beershop.reco.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The matrix every model trains on: each user's row sorted by item, a pair rated twice kept once with its latest
 * rating (by time, then by arrival). Ten thousand users, most with rows of a dozen ratings or more.
 */
class InteractionMatrixBuilderTest {

    private static final long MINUTE = 60_000L;

    private record Kept(float value, long time) {
    }

    @Test
    void shouldKeepEachPairsLatestRatingInItemOrder() {
        // given: 10,000 users in random arrival order, about one rating in five repeating a pair, times often tied
        int users = 10_000;
        int items = 300;
        SplittableRandom random = new SplittableRandom(11);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        List<TreeMap<Integer, Kept>> expected = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            expected.add(new TreeMap<>());
        }
        int added = 0;
        for (int i = 0; i < 120_000; i++) {
            int user = random.nextInt(users);
            int item = random.nextInt(random.nextInt(5) == 0 ? 3 : items);
            float value = random.nextInt(1, 6);
            long time = random.nextInt(4) == 0 ? Long.MIN_VALUE : random.nextInt(20) * MINUTE;
            builder.add(user, item, value, time);
            added++;
            Kept kept = expected.get(user).get(item);
            // the latest by time wins (no time is the earliest), and of two at the same time the later arrival
            if (kept == null || time >= kept.time()) {
                expected.get(user).put(item, new Kept(value, time));
            }
        }

        // when
        InteractionMatrix matrix = builder.build(users, items);

        // then
        int distinct = expected.stream().mapToInt(TreeMap::size).sum();
        assertThat(matrix.numRatings()).isEqualTo(distinct);
        assertThat(builder.duplicates()).isEqualTo(added - distinct).isPositive();
        for (int u = 0; u < users; u++) {
            List<String> row = new ArrayList<>();
            for (int e = matrix.rowStart(u); e < matrix.rowEnd(u); e++) {
                row.add(matrix.itemAt(e) + "=" + matrix.valueAt(e) + "@" + (matrix.timeAt(e)
                        == InteractionMatrix.UNKNOWN_TIME ? "none" : matrix.timeAt(e)));
            }
            List<String> want = new ArrayList<>();
            expected.get(u).forEach((item, kept) -> want.add(item + "=" + kept.value() + "@"
                    + (kept.time() == Long.MIN_VALUE ? "none" : kept.time() / MINUTE)));
            assertThat(row).as("user %d", u).isEqualTo(want);
        }
    }

    @Test
    void shouldKeepEveryRatingOfAShopWithoutRepeatedPairs() {
        // given: every user rates distinct items, in reverse item order
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int u = 0; u < 5_000; u++) {
            for (int item = 4; item >= 0; item--) {
                builder.add(u, (u + item) % 7, item, 0);
            }
        }

        // when
        InteractionMatrix matrix = builder.build(5_000, 7);

        // then
        assertThat(builder.duplicates()).isZero();
        assertThat(matrix.numRatings()).isEqualTo(25_000);
        for (int u = 0; u < 5_000; u++) {
            assertThat(matrix.rowSize(u)).isEqualTo(5);
            for (int e = matrix.rowStart(u) + 1; e < matrix.rowEnd(u); e++) {
                assertThat(matrix.itemAt(e)).isGreaterThan(matrix.itemAt(e - 1));
            }
        }
    }
}
