package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;

import java.util.Map;

/**
 * Trains as the wrapped trainer does, and keeps items the user is known to have rated outside the selection data
 * (the gate's hold-out) out of the user's validation list. Without this, a model that correctly ranks those items
 * first is charged a miss for each, which favours models that know the user less (most-popular won the selection
 * on FilmTrust that way). The held-out items are only removed, never scored, so the gate's verdict stays unbiased.
 */
final class MaskedTrainer implements Trainer {

    /** Items to leave out of a user's list, by the selection data's user number; empty arrays for none. */
    @FunctionalInterface
    interface KnownItems {
        int[] of(int user);
    }

    private final Trainer trainer;
    private final KnownItems known;

    MaskedTrainer(Trainer trainer, KnownItems known) {
        this.trainer = trainer;
        this.known = known;
    }

    @Override
    public String algorithm() {
        return trainer.algorithm();
    }

    @Override
    public Map<String, Object> effectiveParams() {
        return trainer.effectiveParams();
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        TrainedModel model = trainer.train(ratings, seed);
        return new TrainedModel() {
            @Override
            public void scoreUser(int user, float[] scores) {
                model.scoreUser(user, scores);
                for (int item : known.of(user)) {
                    scores[item] = Float.NaN; // the top-N selection skips NaN
                }
            }

            @Override
            public boolean predictsRatings() {
                return model.predictsRatings();
            }
        };
    }

    @Override
    public String toString() {
        return String.valueOf(trainer);
    }
}
