package com.beershop.reco.docs;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;

import java.util.Map;
import java.util.Set;

/**
 * The example algorithm of docs/quality.md ("Adding an algorithm as a TrainerPlugin"): every user gets the items
 * with the best mean rating, each mean pulled towards the global mean by {@code damping} pseudo-ratings so that
 * an item with one 5-star rating does not top the list. Keep it in step with the text there.
 */
public final class DampedMeanTrainer implements Trainer {

    public static final String NAME = "damped-mean";

    private final double damping;

    private DampedMeanTrainer(double damping) {
        this.damping = damping;
    }

    /** Reads this algorithm's parameters; an unknown one or a bad value ends the run with exit code 2. */
    public static DampedMeanTrainer fromSpec(AlgorithmSpec spec) {
        spec.requireOnly(Set.of("damping"));
        double damping = spec.doubleParam("damping", 10);
        if (damping < 0) {
            throw new InvalidAlgorithmSpecException(NAME + ": damping must be >= 0, got " + damping);
        }
        return new DampedMeanTrainer(damping);
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    /** The effective parameters, defaults included: the evaluate table and the run history record them. */
    @Override
    public Map<String, Object> effectiveParams() {
        return Map.of("damping", damping);
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        int[] counts = ratings.itemCounts();
        double[] sums = new double[ratings.numItems()];
        double total = 0;
        for (int k = 0; k < ratings.numRatings(); k++) {
            sums[ratings.itemAt(k)] += ratings.valueAt(k);
            total += ratings.valueAt(k);
        }
        double globalMean = total / Math.max(1, ratings.numRatings());
        float[] scores = new float[sums.length];
        for (int item = 0; item < scores.length; item++) {
            scores[item] = (float) ((sums[item] + damping * globalMean) / (counts[item] + damping));
        }
        // the same list for everyone; scoring removes what the user rated and what cannot be sold
        return (user, out) -> System.arraycopy(scores, 0, out, 0, scores.length);
    }
}
