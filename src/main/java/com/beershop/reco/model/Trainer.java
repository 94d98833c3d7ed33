package com.beershop.reco.model;

/**
 * Trains one algorithm with fixed hyperparameters. A trainer holds no state between calls.
 */
public interface Trainer {

    /** The algorithm name as configured, e.g. {@code ials}, {@code librec-wrmf}. */
    String algorithm();

    /**
     * Trains on {@code ratings}. The same ratings, parameters and seed give the same model.
     *
     * @param seed seed for every random choice the algorithm makes
     */
    TrainedModel train(InteractionMatrix ratings, long seed);
}
