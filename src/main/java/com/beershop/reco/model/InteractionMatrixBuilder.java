package com.beershop.reco.model;

import java.util.Arrays;

/**
 * Collects (user, item, value, time) triples in growable primitive arrays and builds an {@link InteractionMatrix}.
 * A repeated user/item pair keeps the latest rating (by time, then by arrival order); the number of such
 * duplicates is reported by {@link #duplicates()} after {@link #build(int, int)}.
 */
public final class InteractionMatrixBuilder {

    private int size;
    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private float[] values = new float[1024];
    private long[] times = new long[1024];
    private int duplicates;

    /** @param time epoch millis of the rating, or {@link Long#MIN_VALUE} when unknown */
    public void add(int user, int item, float value, long time) {
        if (size == users.length) {
            int capacity = size + (size >> 1);
            users = Arrays.copyOf(users, capacity);
            items = Arrays.copyOf(items, capacity);
            values = Arrays.copyOf(values, capacity);
            times = Arrays.copyOf(times, capacity);
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        times[size] = time;
        size++;
    }

    /**
     * Appends everything {@code other} collected, its users and items renumbered through {@code userMap} and
     * {@code itemMap} ({@code map[theirs] = ours}), in {@code other}'s arrival order.
     */
    public void addAll(InteractionMatrixBuilder other, int[] userMap, int[] itemMap) {
        int needed = size + other.size;
        if (needed > users.length) {
            users = Arrays.copyOf(users, needed);
            items = Arrays.copyOf(items, needed);
            values = Arrays.copyOf(values, needed);
            times = Arrays.copyOf(times, needed);
        }
        for (int i = 0; i < other.size; i++) {
            users[size + i] = userMap[other.users[i]];
            items[size + i] = itemMap[other.items[i]];
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        System.arraycopy(other.times, 0, times, size, other.size);
        size = needed;
    }

    /** Renumbers users and items already added: {@code userMap[old] = new}, likewise for items. */
    public void remap(int[] userMap, int[] itemMap) {
        for (int i = 0; i < size; i++) {
            users[i] = userMap[users[i]];
            items[i] = itemMap[items[i]];
        }
    }

    /** Duplicate user/item pairs dropped by the last {@link #build(int, int)}. */
    public int duplicates() {
        return duplicates;
    }

    public InteractionMatrix build(int numUsers, int numItems) {
        // counting sort by user keeps arrival order within a user; then sort each row by item
        int[] rowStart = new int[numUsers + 1];
        for (int i = 0; i < size; i++) {
            rowStart[users[i] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int[] next = Arrays.copyOf(rowStart, numUsers);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[users[i]]++] = i;
        }
        int[] outItems = new int[size];
        float[] outValues = new float[size];
        int[] outMinutes = new int[size];
        int[] outStart = new int[numUsers + 1];
        int written = 0;
        duplicates = 0;
        long[] keys = new long[0];
        for (int u = 0; u < numUsers; u++) {
            int from = rowStart[u];
            int to = rowStart[u + 1];
            int n = to - from;
            if (keys.length < n) {
                keys = new long[Math.max(n, keys.length * 2)];
            }
            // key = item in the high bits, position in the row in the low bits: sorts by item, then arrival
            for (int j = 0; j < n; j++) {
                keys[j] = ((long) items[order[from + j]] << 32) | j;
            }
            Arrays.sort(keys, 0, n);
            outStart[u] = written;
            int j = 0;
            while (j < n) {
                int item = (int) (keys[j] >>> 32);
                int best = order[from + (int) keys[j]];
                int k = j + 1;
                while (k < n && (int) (keys[k] >>> 32) == item) {
                    int candidate = order[from + (int) keys[k]];
                    if (times[candidate] >= times[best]) {
                        best = candidate;
                    }
                    duplicates++;
                    k++;
                }
                outItems[written] = item;
                outValues[written] = values[best];
                outMinutes[written] = minutes(times[best]);
                written++;
                j = k;
            }
        }
        outStart[numUsers] = written;
        return new InteractionMatrix(numUsers, numItems, outStart,
                Arrays.copyOf(outItems, written), Arrays.copyOf(outValues, written), Arrays.copyOf(outMinutes, written));
    }

    private static int minutes(long epochMillis) {
        if (epochMillis == Long.MIN_VALUE) {
            return InteractionMatrix.UNKNOWN_TIME;
        }
        long minutes = Math.floorDiv(epochMillis, 60_000L);
        return (int) Math.max(InteractionMatrix.UNKNOWN_TIME + 1L, Math.min(Integer.MAX_VALUE, minutes));
    }
}
