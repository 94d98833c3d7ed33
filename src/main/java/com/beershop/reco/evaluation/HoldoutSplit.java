package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A hold-out: a training matrix and, per user, the held-out items. Per user ({@link #perUser},
 * {@link #latestPerUser}): for each user with enough ratings, a fraction of their ratings (a random subset, or the
 * latest) becomes the test set and the rest the training matrix; users below the threshold keep everything in
 * training and are not evaluated. Or a global cut in time ({@link #globalCut}): a backtest of one night.
 *
 * <p>Each user's choice uses a generator seeded from (seed, user), so the split is deterministic and a user's
 * hold-out does not change when other users' data does.
 */
public final class HoldoutSplit {

    public static final int DEFAULT_MIN_RATINGS_TO_SPLIT = 2;

    private final InteractionMatrix train;
    private final int[] testStart;
    private final int[] testItems;
    private final float[] testValues;
    private final long seed;

    private HoldoutSplit(InteractionMatrix train, int[] testStart, int[] testItems, float[] testValues,
                         long seed) {
        this.train = train;
        this.testStart = testStart;
        this.testItems = testItems;
        this.testValues = testValues;
        this.seed = seed;
    }

    /** Splits with the default threshold of {@value #DEFAULT_MIN_RATINGS_TO_SPLIT} ratings. */
    public static HoldoutSplit perUser(InteractionMatrix ratings, double fraction, long seed) {
        return perUser(ratings, fraction, DEFAULT_MIN_RATINGS_TO_SPLIT, seed);
    }

    /**
     * @param fraction share of each user's ratings to hold out; round(fraction * n) items, at least 1 and at most
     *                 n - 1 so that every split user keeps something to learn from
     * @param minRatingsToSplit users with fewer ratings (and always users with fewer than 2) are not split
     */
    public static HoldoutSplit perUser(InteractionMatrix ratings, double fraction, int minRatingsToSplit, long seed) {
        return split(ratings, seed, perUserShare(fraction, minRatingsToSplit, (user, from, n, hold, heldOut) -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + user);
            int[] positions = new int[n];
            for (int j = 0; j < n; j++) {
                positions[j] = j;
            }
            // partial Fisher-Yates: the first `hold` positions become a uniform random subset
            for (int j = 0; j < hold; j++) {
                int pick = j + random.nextInt(n - j);
                int swap = positions[j];
                positions[j] = positions[pick];
                positions[pick] = swap;
                heldOut[positions[j]] = true;
            }
        }));
    }

    /**
     * A time-aware split: each user's latest ratings (by {@code rated_at}) are held out, as the shop's future
     * would be, instead of a random subset. Ratings of the same minute are ordered by item index; ratings without
     * a time count as the oldest. {@code seed} only seeds the training of the evaluated models.
     *
     * @throws IllegalArgumentException when {@code ratings} does not know when its ratings were made
     */
    public static HoldoutSplit latestPerUser(InteractionMatrix ratings, double fraction, int minRatingsToSplit,
                                             long seed) {
        if (!ratings.hasTimes()) {
            throw new IllegalArgumentException("a time-aware split needs the ratings' times, and this matrix has none");
        }
        return split(ratings, seed, perUserShare(fraction, minRatingsToSplit, (user, from, n, hold, heldOut) -> {
            long[] keys = new long[n];
            for (int j = 0; j < n; j++) {
                // time in the high bits, position in the low bits: ascending time, then item (rows are by item)
                keys[j] = ((long) ratings.timeAt(from + j) << 32) | j;
            }
            Arrays.sort(keys);
            for (int j = n - hold; j < n; j++) {
                heldOut[(int) (keys[j] & 0xFFFF_FFFFL)] = true;
            }
        }));
    }

    /**
     * A backtest of one night: a global cut at {@code cutMinute}. Everything rated before the cut (and every rating
     * of unknown time) is the training part; what users with at least {@code minTrainRatings} training ratings
     * rated at or after the cut, on items rated before it, is the test part. The rest of the later ratings (new
     * users, new items) is in neither: the model could not have known them, and tonight's lists could not show
     * them. {@code seed} only seeds the training of the evaluated models.
     *
     * @throws IllegalArgumentException when {@code ratings} does not know when its ratings were made
     */
    public static HoldoutSplit globalCut(InteractionMatrix ratings, int cutMinute, int minTrainRatings, long seed) {
        if (!ratings.hasTimes()) {
            throw new IllegalArgumentException("a cut in time needs the ratings' times, and this matrix has none");
        }
        boolean[] known = new boolean[ratings.numItems()];
        for (int k = 0; k < ratings.numRatings(); k++) {
            if (ratings.timeAt(k) < cutMinute) {
                known[ratings.itemAt(k)] = true;
            }
        }
        int threshold = Math.max(1, minTrainRatings);
        return split(ratings, seed, (user, from, n, fate) -> {
            int before = 0;
            for (int j = 0; j < n; j++) {
                before += ratings.timeAt(from + j) < cutMinute ? 1 : 0;
            }
            for (int j = 0; j < n; j++) {
                if (ratings.timeAt(from + j) < cutMinute) {
                    fate[j] = TRAIN;
                } else {
                    fate[j] = before >= threshold && known[ratings.itemAt(from + j)] ? TEST : DROPPED;
                }
            }
        });
    }

    private static final byte TRAIN = 0;
    private static final byte TEST = 1;
    private static final byte DROPPED = 2;

    /** Decides the fate of each of one user's {@code n} ratings (entries {@code from..from+n}). */
    private interface Fates {
        void assign(int user, int from, int n, byte[] fate);
    }

    /** Marks which of one user's {@code n} ratings (entries {@code from..from+n}) are held out: exactly {@code hold}. */
    private interface HoldOutChoice {
        void choose(int user, int from, int n, int hold, boolean[] heldOut);
    }

    /** Holds out round(fraction * n) of each user's ratings (at least 1, at most n - 1), as {@code choice} picks. */
    private static Fates perUserShare(double fraction, int minRatingsToSplit, HoldOutChoice choice) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be strictly between 0 and 1, was " + fraction);
        }
        int threshold = Math.max(2, minRatingsToSplit);
        boolean[][] heldOut = {new boolean[0]};
        return (user, from, n, fate) -> {
            int hold = n < threshold ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
            if (heldOut[0].length < n) {
                heldOut[0] = new boolean[Math.max(n, heldOut[0].length * 2)];
            }
            Arrays.fill(heldOut[0], 0, n, false);
            if (hold > 0) {
                choice.choose(user, from, n, hold, heldOut[0]);
            }
            for (int j = 0; j < n; j++) {
                fate[j] = heldOut[0][j] ? TEST : TRAIN;
            }
        };
    }

    private static HoldoutSplit split(InteractionMatrix ratings, long seed, Fates fates) {
        int numUsers = ratings.numUsers();
        boolean times = ratings.hasTimes();
        int[] trainStart = new int[numUsers + 1];
        int[] trainItems = new int[ratings.numRatings()];
        float[] trainValues = new float[ratings.numRatings()];
        int[] trainMinutes = times ? new int[ratings.numRatings()] : null;
        int[] testStart = new int[numUsers + 1];
        int[] testItems = new int[ratings.numRatings()];
        float[] testValues = new float[ratings.numRatings()];
        int trainSize = 0;
        int testSize = 0;
        byte[] fate = new byte[0];
        for (int u = 0; u < numUsers; u++) {
            trainStart[u] = trainSize;
            testStart[u] = testSize;
            int from = ratings.rowStart(u);
            int n = ratings.rowSize(u);
            if (fate.length < n) {
                fate = new byte[Math.max(n, fate.length * 2)];
            }
            fates.assign(u, from, n, fate);
            // copying in row order keeps both halves sorted by item, as InteractionMatrix requires
            for (int j = 0; j < n; j++) {
                if (fate[j] == TEST) {
                    testItems[testSize] = ratings.itemAt(from + j);
                    testValues[testSize++] = ratings.valueAt(from + j);
                } else if (fate[j] == TRAIN) {
                    if (times) {
                        trainMinutes[trainSize] = ratings.timeAt(from + j);
                    }
                    trainItems[trainSize] = ratings.itemAt(from + j);
                    trainValues[trainSize++] = ratings.valueAt(from + j);
                }
            }
        }
        trainStart[numUsers] = trainSize;
        testStart[numUsers] = testSize;
        InteractionMatrix train = new InteractionMatrix(numUsers, ratings.numItems(), trainStart,
                Arrays.copyOf(trainItems, trainSize), Arrays.copyOf(trainValues, trainSize),
                times ? Arrays.copyOf(trainMinutes, trainSize) : null);
        return new HoldoutSplit(train, testStart, Arrays.copyOf(testItems, testSize),
                Arrays.copyOf(testValues, testSize), seed);
    }

    /** The training ratings: same users and items (same dimensions) as the input, minus the held-out entries. */
    public InteractionMatrix train() {
        return train;
    }

    public int numUsers() {
        return train.numUsers();
    }

    public int numTestRatings() {
        return testItems.length;
    }

    public int testSize(int user) {
        return testStart[user + 1] - testStart[user];
    }

    /** Where the user's held-out entries start among all {@link #numTestRatings()} held-out entries. */
    int testOffset(int user) {
        return testStart[user];
    }

    /** All held-out ratings, user by user, in {@link #testOffset} order. */
    float[] allTestValues() {
        return testValues.clone();
    }

    /** The user's held-out items, ascending. */
    public int[] testItems(int user) {
        return Arrays.copyOfRange(testItems, testStart[user], testStart[user + 1]);
    }

    /** The seed the split was made with; the evaluator trains with the same seed. */
    public long seed() {
        return seed;
    }
}
