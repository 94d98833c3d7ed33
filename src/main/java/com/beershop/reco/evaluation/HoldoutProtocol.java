package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;

/**
 * How a run measures models: a per-user hold-out with a fixed seed, judged on top-N lists built as publishing
 * builds them. The nightly gate, model selection and the {@code evaluate} mode share it, so all measure the same way.
 *
 * @param splitKind random or time-aware hold-out
 * @param lists how a published list is made from the scores (N, the style re-rank)
 * @param minUserRatings users with fewer training ratings get the most-popular fallback, as published lists do
 * @param maxUsers the evaluation scores a seeded sample of about this many users with held-out ratings when there
 *                 are more (0: all)
 */
public record HoldoutProtocol(SplitKind splitKind, double holdoutFraction, long seed, ListPolicy lists,
                              int minUserRatings, int maxUsers) {

    public HoldoutSplit split(InteractionMatrix ratings) {
        return splitKind.split(ratings, holdoutFraction, seed);
    }

    public int topN() {
        return lists.topN();
    }

    /** The same protocol on another seed (the split's, for a random split, and the models' training seed). */
    public HoldoutProtocol withSeed(long otherSeed) {
        return new HoldoutProtocol(splitKind, holdoutFraction, otherSeed, lists, minUserRatings, maxUsers);
    }

    /** An evaluator of lists made as publishing makes them from {@code input}: its recommendable items and styles. */
    public OfflineEvaluator evaluator(ScoringInput input, Workers workers) {
        return new OfflineEvaluator(lists, input.recommendable(), input.styleOfItem(), minUserRatings, maxUsers,
                workers);
    }

    /** "a 25 % per-user random hold-out", for the logs. */
    public String describe() {
        return Math.round(holdoutFraction * 100) + "% per-user " + (splitKind == SplitKind.TIME ? "latest-ratings" : "random")
                + " hold-out";
    }
}
