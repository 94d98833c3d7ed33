package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Workers;

/**
 * How a run measures models: a per-user hold-out with a fixed seed, judged on top-N lists built as publishing
 * builds them. The nightly gate and the {@code evaluate} mode share it, so both measure the same way.
 *
 * @param minUserRatings users with fewer training ratings get the most-popular fallback, as published lists do
 */
public record HoldoutProtocol(double holdoutFraction, long seed, int topN, int minUserRatings) {

    public HoldoutSplit split(InteractionMatrix ratings) {
        return HoldoutSplit.perUser(ratings, holdoutFraction, seed);
    }

    /** @param recommendable items publishing may recommend (active products) */
    public OfflineEvaluator evaluator(boolean[] recommendable, Workers workers) {
        return new OfflineEvaluator(topN, recommendable, minUserRatings, workers);
    }
}
