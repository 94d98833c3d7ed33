package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run measures models: a hold-out with a fixed seed, judged on top-N lists built as publishing builds them.
 * The nightly gate, model selection and the {@code evaluate} mode share it, so all measure the same way.
 *
 * @param splitKind random, per-user latest, or a global cut in time (a backtest of one night)
 * @param holdoutFraction the share of each user's ratings a per-user split holds out
 * @param lists how a published list is made from the scores (N, the style re-rank)
 * @param minUserRatings users with fewer training ratings get the most-popular fallback, as published lists do
 * @param maxUsers the evaluation scores a seeded sample of about this many users with held-out ratings when there
 *                 are more (0: all)
 * @param recent where a recent split cuts
 */
public record HoldoutProtocol(SplitKind splitKind, double holdoutFraction, long seed, ListPolicy lists,
                              int minUserRatings, int maxUsers, RecentWindow recent) {

    private static final Logger log = LoggerFactory.getLogger(HoldoutProtocol.class);

    /** A protocol whose recent split, if chosen, cuts by {@link RecentWindow#DEFAULT}. */
    public HoldoutProtocol(SplitKind splitKind, double holdoutFraction, long seed, ListPolicy lists,
                           int minUserRatings, int maxUsers) {
        this(splitKind, holdoutFraction, seed, lists, minUserRatings, maxUsers, RecentWindow.DEFAULT);
    }

    /**
     * Splits {@code ratings} as configured. A recent split of ratings with no time span to cut, or whose cut leaves
     * no user with a history rating anything after it, falls back to the random per-user split and says so.
     */
    public HoldoutSplit split(InteractionMatrix ratings) {
        if (splitKind != SplitKind.RECENT) {
            return splitKind.split(ratings, holdoutFraction, recent, seed);
        }
        Optional<RecentWindow.Cut> cut = recent.cut(ratings);
        if (cut.isPresent()) {
            HoldoutSplit split = HoldoutSplit.globalCut(ratings, cut.get().minute(), 1, seed);
            if (split.numTestRatings() > 0) {
                log.info("Recent split: cut at {} ({}); {} ratings after it by users with a history are judged",
                        Instant.ofEpochSecond(cut.get().minute() * 60L), cut.get().how(),
                        split.numTestRatings());
                return split;
            }
        }
        log.info("The recent split needs rated_at spanning some time and users who rated again after the cut; {}:"
                + " judging on the random per-user split instead", cut.isPresent()
                ? "nobody with a history rated after " + cut.get().how() : "these ratings carry no usable times");
        return SplitKind.RANDOM.split(ratings, holdoutFraction, recent, seed);
    }

    public int topN() {
        return lists.topN();
    }

    /** The same protocol on another seed (the split's, for a random split, and the models' training seed). */
    public HoldoutProtocol withSeed(long otherSeed) {
        return new HoldoutProtocol(splitKind, holdoutFraction, otherSeed, lists, minUserRatings, maxUsers, recent);
    }

    /** An evaluator of lists made as publishing makes them from {@code input}: its recommendable items and styles. */
    public OfflineEvaluator evaluator(ScoringInput input, Workers workers) {
        return new OfflineEvaluator(lists, input.recommendable(), input.styleOfItem(), minUserRatings, maxUsers,
                workers);
    }

    /** "a 25 % per-user random hold-out", for the logs. */
    public String describe() {
        return switch (splitKind) {
            case RANDOM -> Math.round(holdoutFraction * 100) + "% per-user random hold-out";
            case TIME -> Math.round(holdoutFraction * 100) + "% per-user latest-ratings hold-out";
            case RECENT -> "recent split (judged on " + recent.describe() + ")";
        };
    }
}
