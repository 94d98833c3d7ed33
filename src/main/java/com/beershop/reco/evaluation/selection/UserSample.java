package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.InteractionMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A random subset of whole users, so that selection on a big shop trains on about {@code maxRatings} ratings. The
 * catalogue (item numbering) is kept, users are renumbered ({@link #originalUser}). Whole users keep each sampled
 * user's history intact, and frequency-scaled regularisation scales with the data, so a configuration good on
 * the sample stays good on all users.
 *
 * @param originalUser the input's user number of each sampled user
 */
record UserSample(InteractionMatrix ratings, int[] originalUser) {

    /** All users when there are at most {@code maxRatings} ratings, else a seeded sample of users. */
    static UserSample of(InteractionMatrix ratings, int maxRatings, long seed) {
        if (ratings.numRatings() <= maxRatings) {
            int[] identity = new int[ratings.numUsers()];
            Arrays.setAll(identity, u -> u);
            return new UserSample(ratings, identity);
        }
        double keep = maxRatings / (double) ratings.numRatings();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int numUsers = ratings.numUsers();
        int[] rowStart = new int[numUsers + 1];
        int[] original = new int[numUsers];
        int[] items = new int[maxRatings + maxRatings / 4 + 16];
        float[] values = new float[items.length];
        int users = 0;
        int size = 0;
        for (int u = 0; u < numUsers; u++) {
            // one draw per user, in user order, so the sample depends only on the seed and the user count
            if (random.nextDouble() >= keep || ratings.rowSize(u) == 0) {
                continue;
            }
            int n = ratings.rowSize(u);
            if (size + n > items.length) {
                items = Arrays.copyOf(items, Math.max(size + n, items.length * 2));
                values = Arrays.copyOf(values, items.length);
            }
            for (int e = ratings.rowStart(u); e < ratings.rowEnd(u); e++) {
                items[size] = ratings.itemAt(e);
                values[size++] = ratings.valueAt(e);
            }
            original[users] = u;
            rowStart[++users] = size;
        }
        return new UserSample(new InteractionMatrix(users, ratings.numItems(), Arrays.copyOf(rowStart, users + 1),
                Arrays.copyOf(items, size), Arrays.copyOf(values, size)), Arrays.copyOf(original, users));
    }
}
