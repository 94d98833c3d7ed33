package com.beershop.reco.model.popularity;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import java.util.Map;
import java.util.Set;

/**
 * The non-personalised baseline: every user gets the items with the most ratings in the training data.
 * The quality gate compares personalised models against it; it has no parameters.
 */
public final class MostPopularTrainer implements Trainer {

    public static final String NAME = "most-popular";

    /** Accepts no parameters, so a stray one in configuration is reported rather than silently ignored. */
    public static MostPopularTrainer fromSpec(AlgorithmSpec spec) {
        spec.requireOnly(Set.of());
        return new MostPopularTrainer();
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        int[] counts = ratings.itemCounts();
        float[] scores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            scores[i] = counts[i];
        }
        return new ItemPopularityModel(scores);
    }

    @Override
    public Map<String, Object> effectiveParams() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "";
    }
}
