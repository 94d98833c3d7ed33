package com.beershop.reco.evaluation;

import com.beershop.reco.model.IndexRanges;
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
        return split(ratings, seed, perUserShare(fraction, minRatingsToSplit, (user, from, n, hold, fate) -> {
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
                fate[from + positions[j]] = TEST;
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
        return split(ratings, seed, perUserShare(fraction, minRatingsToSplit, (user, from, n, hold, fate) -> {
            long[] keys = new long[n];
            for (int j = 0; j < n; j++) {
                // time in the high bits, position in the low bits: ascending time, then item (rows are by item)
                keys[j] = ((long) ratings.timeAt(from + j) << 32) | j;
            }
            Arrays.sort(keys);
            for (int j = n - hold; j < n; j++) {
                fate[from + (int) (keys[j] & 0xFFFF_FFFFL)] = TEST;
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
            for (int k = from; k < from + n; k++) {
                before += ratings.timeAt(k) < cutMinute ? 1 : 0;
            }
            for (int k = from; k < from + n; k++) {
                if (ratings.timeAt(k) < cutMinute) {
                    fate[k] = TRAIN;
                } else {
                    fate[k] = before >= threshold && known[ratings.itemAt(k)] ? TEST : DROPPED;
                }
            }
        });
    }

    private static final byte TRAIN = 0;
    private static final byte TEST = 1;
    private static final byte DROPPED = 2;
    /** Users per parallel block of the split: thousands of rows, far above a task's cost. */
    private static final int USER_BLOCK = 4096;

    /**
     * Decides the fate of each of one user's {@code n} ratings: entries {@code from..from+n}, written at the same
     * places of {@code fate}. Called for many users at once, from several threads.
     */
    private interface Fates {
        void assign(int user, int from, int n, byte[] fate);
    }

    /**
     * Marks which of one user's {@code n} ratings (entries {@code from..from+n}) are held out, exactly {@code hold}
     * of them, by setting their places of {@code fate} to TEST (all are TRAIN before).
     */
    private interface HoldOutChoice {
        void choose(int user, int from, int n, int hold, byte[] fate);
    }

    /** Holds out round(fraction * n) of each user's ratings (at least 1, at most n - 1), as {@code choice} picks. */
    private static Fates perUserShare(double fraction, int minRatingsToSplit, HoldOutChoice choice) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be strictly between 0 and 1, was " + fraction);
        }
        int threshold = Math.max(2, minRatingsToSplit);
        return (user, from, n, fate) -> {
            int hold = n < threshold ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
            Arrays.fill(fate, from, from + n, TRAIN);
            if (hold > 0) {
                choice.choose(user, from, n, hold, fate);
            }
        };
    }

    /**
     * Two parallel passes over blocks of users: each user's fates and how many of its ratings go to each part,
     * then, from where each user's part starts, the copy. Each user's fate depends only on its own ratings (and
     * the seed), so the blocks need no order, and the result is the one a single pass would give.
     */
    private static HoldoutSplit split(InteractionMatrix ratings, long seed, Fates fates) {
        int numUsers = ratings.numUsers();
        boolean times = ratings.hasTimes();
        byte[] fate = new byte[ratings.numRatings()];
        int[] trainStart = new int[numUsers + 1];
        int[] testStart = new int[numUsers + 1];
        IndexRanges.forEachBlock(numUsers, USER_BLOCK, (block, first, end) -> {
            for (int u = first; u < end; u++) {
                int from = ratings.rowStart(u);
                int n = ratings.rowSize(u);
                fates.assign(u, from, n, fate);
                int train = 0;
                int test = 0;
                for (int k = from; k < from + n; k++) {
                    train += fate[k] == TRAIN ? 1 : 0;
                    test += fate[k] == TEST ? 1 : 0;
                }
                // sizes for now, turned into starts below
                trainStart[u + 1] = train;
                testStart[u + 1] = test;
            }
        });
        for (int u = 0; u < numUsers; u++) {
            trainStart[u + 1] += trainStart[u];
            testStart[u + 1] += testStart[u];
        }
        int[] trainItems = new int[trainStart[numUsers]];
        float[] trainValues = new float[trainItems.length];
        int[] trainMinutes = times ? new int[trainItems.length] : null;
        int[] testItems = new int[testStart[numUsers]];
        float[] testValues = new float[testItems.length];
        IndexRanges.forEachBlock(numUsers, USER_BLOCK, (block, first, end) -> {
            for (int u = first; u < end; u++) {
                int train = trainStart[u];
                int test = testStart[u];
                // copying in row order keeps both halves sorted by item, as InteractionMatrix requires
                for (int k = ratings.rowStart(u); k < ratings.rowEnd(u); k++) {
                    if (fate[k] == TEST) {
                        testItems[test] = ratings.itemAt(k);
                        testValues[test++] = ratings.valueAt(k);
                    } else if (fate[k] == TRAIN) {
                        if (times) {
                            trainMinutes[train] = ratings.timeAt(k);
                        }
                        trainItems[train] = ratings.itemAt(k);
                        trainValues[train++] = ratings.valueAt(k);
                    }
                }
            }
        });
        InteractionMatrix train = new InteractionMatrix(numUsers, ratings.numItems(), trainStart, trainItems,
                trainValues, trainMinutes);
        return new HoldoutSplit(train, testStart, testItems, testValues, seed);
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
