package com.beershop.reco.model.librec;

import com.beershop.reco.model.TrainedModel;

import java.util.Arrays;

/** Scores every item by how many users rated it, for every user alike: LibRec's MostPopular. */
final class ItemPopularityModel implements TrainedModel {

    private final float[] counts;

    ItemPopularityModel(float[] counts) {
        this.counts = counts;
    }

    @Override
    public void scoreUser(int user, float[] scores) {
        System.arraycopy(counts, 0, scores, 0, counts.length);
    }

    @Override
    public String toString() {
        return "ItemPopularityModel" + Arrays.toString(counts);
    }
}
