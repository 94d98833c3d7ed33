package net.librec.recommender.cf.rating;

/**
 * Reads BiasedMF's learned biases, which are protected fields of a class in this package (the general
 * {@code net.librec.recommender.LibrecBridge} cannot see them). Only {@code com.beershop.reco.model.librec}
 * should call this class.
 */
public final class BiasedMFBridge {

    private BiasedMFBridge() {
    }

    /** One bias per user; the live array, not a copy. */
    public static double[] userBiases(BiasedMFRecommender recommender) {
        return recommender.userBiases.getData();
    }

    /** One bias per item; the live array, not a copy. */
    public static double[] itemBiases(BiasedMFRecommender recommender) {
        return recommender.itemBiases.getData();
    }
}
