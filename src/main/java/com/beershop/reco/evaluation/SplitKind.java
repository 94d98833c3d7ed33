package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;

/** Which ratings a hold-out keeps back: a random subset of each user's, each user's latest, or a night's future. */
public enum SplitKind {
    /** A random share of each user's ratings: every rating equally likely, as in most published benchmarks. */
    RANDOM,
    /** Each user's latest ratings: the model is judged on what came after what it learned from. */
    TIME,
    /**
     * A backtest of one night: a global cut in time ({@link RecentWindow}); the model learns what came before and is
     * judged on what users with a history rated after it, as the shop's next weeks would judge tonight's lists.
     */
    RECENT;

    /**
     * Splits {@code ratings} this way.
     *
     * @throws IllegalArgumentException for a time-aware split of ratings that carry no times, and for a recent split
     *                                  of ratings with no time span to cut
     */
    public HoldoutSplit split(InteractionMatrix ratings, double fraction, RecentWindow recent, long seed) {
        return switch (this) {
            case RANDOM -> HoldoutSplit.perUser(ratings, fraction, seed);
            case TIME -> HoldoutSplit.latestPerUser(ratings, fraction, HoldoutSplit.DEFAULT_MIN_RATINGS_TO_SPLIT, seed);
            case RECENT -> HoldoutSplit.globalCut(ratings, recent.cut(ratings)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "a recent split needs ratings with times spanning more than one minute"))
                    .minute(), 1, seed);
        };
    }
}
