package com.beershop.reco.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Moves per-entry data of a matrix from its row order (user by user) to its column order (item by item), on several
 * threads: the users are cut into ranges of about as many entries each, each range first counts its items, and then
 * each range writes its entries from where the ranges before it end in every column. Within a column the users stay
 * in increasing order, so the result is the one a single pass over the users gives, to the last element. A training
 * makes two passes (the column view's users, iALS' item-side weights); at 10 M ratings a pass is 0.1 s of scattered
 * writes with the code compiled, several times that as a night runs it, cold.
 *
 * <p>Runs its ranges as a parallel stream: on the calling fork-join pool's threads (the trainer's workers), or on the
 * common pool from any other thread.
 */
final class ColumnTranspose {

    /** More ranges than this buys nothing on the memory bus, and costs one count per item per range. */
    private static final int MAX_RANGES = 8;

    private final int[] rowStart;
    private final int[] items;
    private final int[] colStart;
    private final int[] rangeUser;
    private final int[][] rangeSlot;

    private ColumnTranspose(int[] rowStart, int[] items, int[] colStart, int[] rangeUser, int[][] rangeSlot) {
        this.rowStart = rowStart;
        this.items = items;
        this.colStart = colStart;
        this.rangeUser = rangeUser;
        this.rangeSlot = rangeSlot;
    }

    /**
     * @param rowStart length numUsers + 1; row u spans {@code [rowStart[u], rowStart[u+1])}
     * @param items    the item of each entry, in row order
     */
    static ColumnTranspose of(int numItems, int[] rowStart, int[] items) {
        return of(numItems, rowStart, items, ranges(rowStart.length - 1, numItems, items.length));
    }

    /** @param ranges how many ranges of users, at most one per user */
    static ColumnTranspose of(int numItems, int[] rowStart, int[] items, int ranges) {
        int numUsers = rowStart.length - 1;
        if (ranges < 1 || ranges > Math.max(1, numUsers)) {
            throw new IllegalArgumentException("ranges must be between 1 and the number of users, was " + ranges);
        }
        int[] rangeUser = new int[ranges + 1];
        for (int r = 1; r < ranges; r++) {
            rangeUser[r] = firstUserAtOrAfter(rowStart, (int) ((long) items.length * r / ranges));
        }
        rangeUser[ranges] = numUsers;
        int[][] counts = new int[ranges][];
        IntStream.range(0, ranges).parallel().forEach(r -> {
            int[] count = new int[numItems];
            for (int e = rowStart[rangeUser[r]]; e < rowStart[rangeUser[r + 1]]; e++) {
                count[items[e]]++;
            }
            counts[r] = count;
        });
        // each range's first slot in each column: the column's start, after the ranges before it
        int[] colStart = new int[numItems + 1];
        for (int item = 0; item < numItems; item++) {
            int slot = colStart[item];
            for (int r = 0; r < ranges; r++) {
                int n = counts[r][item];
                counts[r][item] = slot;
                slot += n;
            }
            colStart[item + 1] = slot;
        }
        return new ColumnTranspose(rowStart, items, colStart, rangeUser, counts);
    }

    private static int ranges(int numUsers, int numItems, int entries) {
        int wanted = Math.min(MAX_RANGES, Runtime.getRuntime().availableProcessors());
        // a range's counts cost one int per item: a range holds at least four entries per item
        int affordable = (int) Math.max(1, entries / Math.max(1L, 4L * numItems));
        return Math.max(1, Math.min(Math.min(wanted, affordable), Math.max(1, numUsers)));
    }

    private static int firstUserAtOrAfter(int[] rowStart, int entry) {
        int found = Arrays.binarySearch(rowStart, entry);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && rowStart[found - 1] == entry) {
            found--; // empty rows share their start: take the first of them
        }
        return found;
    }

    /** Length numItems + 1; column i spans {@code [colStart[i], colStart[i+1])}. */
    int[] colStart() {
        return colStart.clone();
    }

    /** The user of each entry, in column order. */
    int[] users() {
        int[] users = new int[items.length];
        IntStream.range(0, rangeUser.length - 1).parallel().forEach(r -> {
            int[] next = rangeSlot[r].clone();
            for (int u = rangeUser[r]; u < rangeUser[r + 1]; u++) {
                for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                    users[next[items[e]]++] = u;
                }
            }
        });
        return users;
    }

    /** {@code perEntry}, given in row order, in column order. */
    float[] toColumnOrder(float[] perEntry) {
        if (perEntry.length != items.length) {
            throw new IllegalArgumentException("expected " + items.length + " values, got " + perEntry.length);
        }
        float[] moved = new float[perEntry.length];
        IntStream.range(0, rangeUser.length - 1).parallel().forEach(r -> {
            int[] next = rangeSlot[r].clone();
            for (int e = rowStart[rangeUser[r]]; e < rowStart[rangeUser[r + 1]]; e++) {
                moved[next[items[e]]++] = perEntry[e];
            }
        });
        return moved;
    }
}
