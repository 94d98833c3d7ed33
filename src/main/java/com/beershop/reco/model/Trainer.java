package com.beershop.reco.model;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Trains one algorithm with fixed hyperparameters. A trainer holds no state between calls.
 */
public interface Trainer {

    /** The algorithm name as configured, e.g. {@code ials}, {@code librec-wrmf}. */
    String algorithm();

    /**
     * The parameters that define the model, defaults included: by their configured names, in a fixed order, each
     * value typed (a whole number as an {@code Integer}, a decimal as a {@code Double}, a choice as its configured
     * word). Two trainers of one algorithm with equal parameters train the same model; the run history records
     * them as a JSON object.
     */
    Map<String, Object> effectiveParams();

    /**
     * Trains on {@code ratings}. The same ratings, parameters and seed give the same model.
     *
     * @param seed seed for every random choice the algorithm makes
     */
    TrainedModel train(InteractionMatrix ratings, long seed);

    /**
     * Trains on {@code ratings}, free to start from {@code start}: a model of this trainer's parameters trained on
     * part of the same ratings (same users and items, e.g. the hold-out's training part). An iterative method needs
     * fewer iterations from there; the default ignores it and trains from scratch.
     */
    default TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
        return train(ratings, seed);
    }

    /** Parameters as {@code key=value, key=value}, the words of the configuration: for logs and tables. */
    static String describe(Map<String, ?> params) {
        StringJoiner text = new StringJoiner(", ");
        params.forEach((key, value) -> text.add(key + "=" + value));
        return text.toString();
    }
}
