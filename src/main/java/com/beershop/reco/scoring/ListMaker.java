package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;

/**
 * Makes a user's list the one way the job makes lists: the published table, the hold-out the quality gate judges and
 * the validation lists of model selection all take theirs from here, so "the gate judges what is published" holds by
 * construction, not by copy.
 *
 * <ul>
 *   <li>a user with fewer than {@code minUserRatings} ratings gets the policy's {@link Fallback} ranking
 *       (most-popular by default, or trending);</li>
 *   <li>a model that scores every user alike is scored and ranked once;</li>
 *   <li>every other user gets the model's scores, and a user the model gives no finite score at all gets the
 *       fallback too, not an empty list;</li>
 *   <li>what the user rated and what may not be recommended never appear, and the {@link ListPolicy} (N, the style
 *       re-rank) shapes every list alike.</li>
 * </ul>
 * Shared between threads; each thread makes lists through its own {@link #forThread()}.
 */
public final class ListMaker {

    /** Where a user's list came from. */
    public enum Source {
        /** The model's scores. */
        MODEL,
        /** The fallback ranking: the user had fewer ratings than the model needs. */
        FEW_RATINGS,
        /** The fallback ranking: the model scored the user and gave no finite score. */
        NO_FINITE_SCORE
    }

    private final TrainedModel model;
    private final InteractionMatrix ratings;
    private final boolean[] recommendable;
    private final int[] styleOfItem;
    private final ListPolicy policy;
    private final int minUserRatings;
    private final FixedRanking fallback;
    private final FixedRanking shared;

    /**
     * @param model the model trained on the input's ratings
     * @param input the ratings (excluded from each user's list; the policy's fallback ranking is trained on them),
     *              what may be recommended, and the styles for the style re-rank (null when it is off)
     */
    public ListMaker(TrainedModel model, ScoringInput input, ListPolicy policy, int minUserRatings) {
        this.model = model;
        this.ratings = input.ratings();
        this.recommendable = input.recommendable();
        this.styleOfItem = input.styleOfItem();
        this.policy = policy;
        this.minUserRatings = minUserRatings;
        policy.newPicker(styleOfItem); // a re-rank without styles fails here, not in a worker thread
        this.fallback = ranking(policy.fallback().trainer().train(ratings, 0), ratings.numItems());
        // a non-personalised model gives everyone the same scores: rank them once
        this.shared = model.sameScoresForEveryUser() ? ranking(model, ratings.numItems()) : null;
    }

    /** A maker for one thread: its own score buffer and picker. */
    public ForThread forThread() {
        return new ForThread();
    }

    private static FixedRanking ranking(TrainedModel sameForEveryUser, int numItems) {
        float[] scores = new float[numItems];
        sameForEveryUser.scoreUser(0, scores);
        return FixedRanking.of(scores);
    }

    /** Makes one thread's lists. Not thread-safe. */
    public final class ForThread {

        private final float[] scores = new float[ratings.numItems()];
        private final ListPicker picker = policy.newPicker(styleOfItem);
        private int scoredUser = -1;
        private Source source = Source.MODEL;
        private boolean nonFinite;

        private ForThread() {
        }

        /**
         * Writes the user's list to {@code out} (at least N long), best first.
         *
         * @return how many items were written: N, unless fewer unrated recommendable items exist
         */
        public int make(int user, int[] out) {
            int count;
            if (ratings.rowSize(user) < minUserRatings) {
                source = Source.FEW_RATINGS;
                count = picker.pick(fallback, recommendable, ratings, user, out);
            } else {
                source = Source.MODEL;
                count = shared != null
                        ? picker.pick(shared, recommendable, ratings, user, out)
                        : picker.pick(scores(user), recommendable, ratings, user, out);
            }
            nonFinite = picker.nonFiniteScores() > 0;
            if (nonFinite && count == 0) {
                // no finite score at all: the user gets what a user with too few ratings gets, not nothing
                source = Source.NO_FINITE_SCORE;
                count = picker.pick(fallback, recommendable, ratings, user, out);
            }
            return count;
        }

        /** Where the last {@link #make} took its list from. */
        public Source source() {
            return source;
        }

        /** True when the scores behind the last {@link #make} held NaN or infinite values (left out of the list). */
        public boolean metNonFinite() {
            return nonFinite;
        }

        /**
         * The model's scores for {@code user}, one per item: scored now unless the last {@link #make} already did.
         * The array is reused by the next call.
         */
        public float[] scores(int user) {
            if (scoredUser != user) {
                model.scoreUser(user, scores);
                scoredUser = user;
            }
            return scores;
        }
    }
}
