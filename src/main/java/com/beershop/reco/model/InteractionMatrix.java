package com.beershop.reco.model;

import java.util.Arrays;

/**
 * Users x items ratings in compressed sparse row form (CSR), with the column view (CSC) built on demand.
 * Primitive arrays only: at 10 million ratings a boxed pair per rating would cost gigabytes.
 * Within a row, item indexes are strictly increasing. Immutable once built.
 *
 * <p>A matrix built from the database also keeps when each rating was made ({@link #timeAt}), in minutes since the
 * epoch: four bytes a rating instead of eight, and to the minute is enough to tell a user's latest ratings apart.
 */
public final class InteractionMatrix {

    private final int numUsers;
    private final int numItems;
    private final int[] rowStart;
    private final int[] items;
    private final float[] values;
    private final int[] minutes;
    private volatile ColumnView columns;
    private volatile ColumnTranspose transpose;

    /** {@link #timeAt} of a rating whose time is unknown: earlier than every known time. */
    public static final int UNKNOWN_TIME = Integer.MIN_VALUE;

    /**
     * @param rowStart length numUsers + 1; row u spans {@code [rowStart[u], rowStart[u+1])}
     * @param items item index of each entry, sorted ascending within a row
     * @param values rating of each entry
     */
    public InteractionMatrix(int numUsers, int numItems, int[] rowStart, int[] items, float[] values) {
        this(numUsers, numItems, rowStart, items, values, null);
    }

    /** @param minutes when each entry was rated, minutes since the epoch ({@link #UNKNOWN_TIME}), or null */
    public InteractionMatrix(int numUsers, int numItems, int[] rowStart, int[] items, float[] values, int[] minutes) {
        if (rowStart.length != numUsers + 1 || items.length != values.length || rowStart[numUsers] != items.length
                || (minutes != null && minutes.length != items.length)) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.minutes = minutes;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rowStart = rowStart;
        this.items = items;
        this.values = values;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int numRatings() {
        return items.length;
    }

    public int rowStart(int user) {
        return rowStart[user];
    }

    public int rowEnd(int user) {
        return rowStart[user + 1];
    }

    public int rowSize(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** Item index of entry {@code k} (an offset between rowStart and rowEnd of some user). */
    public int itemAt(int k) {
        return items[k];
    }

    public float valueAt(int k) {
        return values[k];
    }

    /** True when the matrix knows when its ratings were made (a time-aware split needs it). */
    public boolean hasTimes() {
        return minutes != null;
    }

    /** When entry {@code k} was rated, in minutes since the epoch; {@link #UNKNOWN_TIME} when not known. */
    public int timeAt(int k) {
        return minutes == null ? UNKNOWN_TIME : minutes[k];
    }

    /** True when the user rated the item; binary search in the user's sorted row. */
    public boolean contains(int user, int item) {
        return Arrays.binarySearch(items, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    /** The item-major view of the same ratings: who rated each item. */
    public ColumnView columns() {
        ColumnView view = columns;
        if (view == null) {
            synchronized (this) {
                view = columns;
                if (view == null) {
                    view = ColumnView.of(this);
                    columns = view;
                }
            }
        }
        return view;
    }

    /**
     * {@code perEntry} (one value per entry, in this matrix's row order) in the order of {@link #columns()}: what a
     * trainer needs beside the column view, moved the same way.
     */
    public float[] toColumnOrder(float[] perEntry) {
        return transpose().toColumnOrder(perEntry);
    }

    private ColumnTranspose transpose() {
        ColumnTranspose made = transpose;
        if (made == null) {
            made = ColumnTranspose.of(numItems, rowStart, items);
            transpose = made; // a race makes the same transpose twice, never a wrong one
        }
        return made;
    }

    /** Number of ratings per item. */
    public int[] itemCounts() {
        int[] counts = new int[numItems];
        for (int item : items) {
            counts[item]++;
        }
        return counts;
    }

    /**
     * Items x users CSC of the same data, without the values: who rated each item, users increasing within a column.
     * A trainer that needs per-entry data in this order moves it with {@link #toColumnOrder} (iALS its weights).
     */
    public record ColumnView(int[] colStart, int[] users) {

        static ColumnView of(InteractionMatrix m) {
            ColumnTranspose transpose = m.transpose();
            return new ColumnView(transpose.colStart(), transpose.users());
        }

        public int colSize(int item) {
            return colStart[item + 1] - colStart[item];
        }
    }
}
