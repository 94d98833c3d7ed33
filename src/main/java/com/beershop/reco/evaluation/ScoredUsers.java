package com.beershop.reco.evaluation;

import java.util.SplittableRandom;

/**
 * Which users with held-out ratings an evaluation scores: all of them, or a seeded sample of about {@code max}
 * when there are more. Each user is in or out by a hash of (split seed, user), so the sample does not depend on
 * the thread count or the scoring order, and every model evaluated on one split is scored on the same users.
 */
final class ScoredUsers {

    static final ScoredUsers ALL = new ScoredUsers(1, 0);

    private final double share;
    private final long seed;

    private ScoredUsers(double share, long seed) {
        this.share = share;
        this.seed = seed;
    }

    /** @param max at most about this many users (0: no limit) */
    static ScoredUsers of(HoldoutSplit split, int max) {
        if (max <= 0) {
            return ALL;
        }
        int withTest = 0;
        for (int u = 0; u < split.numUsers(); u++) {
            if (split.testSize(u) > 0) {
                withTest++;
            }
        }
        return withTest <= max ? ALL : new ScoredUsers(max / (double) withTest, split.seed());
    }

    boolean includes(int user) {
        return share >= 1 || new SplittableRandom(seed * 0x9E3779B97F4A7C15L + user + 1).nextDouble() < share;
    }
}
