package com.beershop.reco.model.popularity;

import com.beershop.reco.model.TrainedModel;

/**
 * Scores every item by its popularity, for every user alike: the model of {@link MostPopularTrainer} and of LibRec's
 * MostPopular, whose counts the LibRec adapter copies in.
 */
public final class ItemPopularityModel implements TrainedModel {

    private final float[] scores;

    /** @param scores one score per item, typically its number of ratings; not copied */
    public ItemPopularityModel(float[] scores) {
        this.scores = scores;
    }

    @Override
    public void scoreUser(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    @Override
    public boolean sameScoresForEveryUser() {
        return true;
    }
}
