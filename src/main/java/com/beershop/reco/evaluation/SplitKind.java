package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;

/** Which of a user's ratings a hold-out keeps back: a random subset, or the latest by {@code rated_at}. */
public enum SplitKind {
    /** A random share of each user's ratings: every rating equally likely, as in most published benchmarks. */
    RANDOM,
    /** Each user's latest ratings: the model is judged on what came after what it learned from. */
    TIME;

    /** Splits {@code ratings} this way. */
    public HoldoutSplit split(InteractionMatrix ratings, double fraction, long seed) {
        return this == TIME
                ? HoldoutSplit.latestPerUser(ratings, fraction, HoldoutSplit.DEFAULT_MIN_RATINGS_TO_SPLIT, seed)
                : HoldoutSplit.perUser(ratings, fraction, seed);
    }
}
