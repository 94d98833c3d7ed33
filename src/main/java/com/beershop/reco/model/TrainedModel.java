package com.beershop.reco.model;

/**
 * A trained recommender: scores every item for a user. Higher is better; only the order matters for ranking.
 * Implementations must be safe to call from several threads at once.
 */
public interface TrainedModel {

    /** Writes a score for every item {@code 0..numItems-1} into {@code scores}. */
    void scoreUser(int user, float[] scores);

    /** True when scores are predicted ratings on the input scale, so RMSE and MAE mean something. */
    default boolean predictsRatings() {
        return false;
    }

    /**
     * True when every user gets the same scores (a non-personalised model): lists are then picked from one sorted
     * order of the items instead of a scan of every item for every user.
     */
    default boolean sameScoresForEveryUser() {
        return false;
    }
}
