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

    /**
     * Trains on {@code ratings}, free to start from {@code start}: a model of this trainer's parameters trained on
     * part of the same ratings (same users and items, e.g. the hold-out's training part). An iterative method needs
     * fewer iterations from there; the default ignores it and trains from scratch.
     */
    default TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
        return train(ratings, seed);
    }
}
