package com.beershop.reco.model;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnTransposeTest {

    @Test
    void shouldGiveWhatOneSequentialPassGivesWhateverTheNumberOfRanges() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 40; round++) {
            int numUsers = 1 + random.nextInt(300);
            int numItems = 1 + random.nextInt(round % 2 == 0 ? 20 : 500);
            Csr csr = Csr.random(random, numUsers, numItems);
            int[][] expected = sequential(csr, numItems);
            float[] perEntry = new float[csr.items.length];
            for (int e = 0; e < perEntry.length; e++) {
                perEntry[e] = random.nextFloat();
            }
            float[] expectedMoved = new float[perEntry.length];
            for (int e = 0; e < perEntry.length; e++) {
                expectedMoved[expected[2][e]] = perEntry[e];
            }
            for (int ranges = 1; ranges <= Math.min(numUsers, 9); ranges++) {
                ColumnTranspose transpose = ColumnTranspose.of(numItems, csr.rowStart, csr.items, ranges);
                assertThat(transpose.colStart()).as("column starts, %d ranges", ranges).isEqualTo(expected[0]);
                assertThat(transpose.users()).as("users, %d ranges", ranges).isEqualTo(expected[1]);
                assertThat(transpose.toColumnOrder(perEntry)).as("values, %d ranges", ranges).isEqualTo(expectedMoved);
            }
        }
    }

    @Test
    void shouldKeepEmptyRowsAtTheRangeBoundsOutOfEveryColumn() {
        // users 0-3 and 6-9 rated nothing: the bounds of the ranges fall on runs of empty rows
        int[] rowStart = {0, 0, 0, 0, 0, 2, 4, 4, 4, 4, 4, 5};
        int[] items = {0, 2, 1, 2, 0};
        for (int ranges = 1; ranges <= 11; ranges++) {
            ColumnTranspose transpose = ColumnTranspose.of(3, rowStart, items, ranges);
            assertThat(transpose.colStart()).isEqualTo(new int[]{0, 2, 3, 5});
            assertThat(transpose.users()).as("%d ranges", ranges).containsExactly(4, 10, 5, 4, 5);
        }
    }

    @Test
    void shouldMatchTheMatrixColumnViewAndRefuseAWrongLength() {
        InteractionMatrix matrix = Matrices.binary(4, new int[]{0, 3}, new int[]{}, new int[]{1, 3}, new int[]{3});
        InteractionMatrix.ColumnView columns = matrix.columns();
        assertThat(columns.colStart()).containsExactly(0, 1, 2, 2, 5);
        assertThat(columns.users()).containsExactly(0, 2, 0, 2, 3);
        assertThat(matrix.toColumnOrder(new float[]{1, 2, 3, 4, 5})).containsExactly(1, 3, 2, 4, 5);
        assertThatThrownBy(() -> matrix.toColumnOrder(new float[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 5 values, got 4");
        assertThatThrownBy(() -> ColumnTranspose.of(4, new int[]{0, 1}, new int[]{0}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** colStart, users and, per row-order entry, its column-order slot: one pass over the users in order. */
    private static int[][] sequential(Csr csr, int numItems) {
        int[] colStart = new int[numItems + 1];
        for (int item : csr.items) {
            colStart[item + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            colStart[i + 1] += colStart[i];
        }
        int[] next = java.util.Arrays.copyOf(colStart, numItems);
        int[] users = new int[csr.items.length];
        int[] slotOf = new int[csr.items.length];
        for (int u = 0; u + 1 < csr.rowStart.length; u++) {
            for (int e = csr.rowStart[u]; e < csr.rowStart[u + 1]; e++) {
                slotOf[e] = next[csr.items[e]]++;
                users[slotOf[e]] = u;
            }
        }
        return new int[][]{colStart, users, slotOf};
    }

    private record Csr(int[] rowStart, int[] items) {

        /** Rows of 0 to 40 distinct items, ascending; about a third of the rows empty. */
        static Csr random(SplittableRandom random, int numUsers, int numItems) {
            int[] rowStart = new int[numUsers + 1];
            int[] items = new int[numUsers * Math.min(40, numItems)];
            int size = 0;
            for (int u = 0; u < numUsers; u++) {
                rowStart[u] = size;
                if (random.nextInt(3) == 0) {
                    continue;
                }
                int wanted = random.nextInt(Math.min(40, numItems) + 1);
                for (int item = 0; item < numItems && wanted > 0; item++) {
                    if (random.nextInt(numItems - item) < wanted) {
                        items[size++] = item;
                        wanted--;
                    }
                }
            }
            rowStart[numUsers] = size;
            return new Csr(rowStart, java.util.Arrays.copyOf(items, size));
        }
    }
}
