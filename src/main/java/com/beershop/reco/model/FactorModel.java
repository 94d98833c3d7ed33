package com.beershop.reco.model;

/**
 * A latent-factor model: score(u, i) = global + userBias[u] + itemBias[i] + dot(userFactors[u], itemFactors[i]).
 * Factors are stored row-major in flat float arrays ({@code k} floats per user or item) so scoring streams
 * through memory without indirection. Biases are optional (null means zero).
 */
public final class FactorModel implements TrainedModel {

    private final int k;
    private final int numItems;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] userBias;
    private final float[] itemBias;
    private final float globalBias;
    private final boolean predictsRatings;

    public FactorModel(int k, float[] userFactors, float[] itemFactors,
                       float[] userBias, float[] itemBias, float globalBias, boolean predictsRatings) {
        if (k < 1 || userFactors.length % k != 0 || itemFactors.length % k != 0) {
            throw new IllegalArgumentException("factor arrays are not multiples of k=" + k);
        }
        this.k = k;
        this.numItems = itemFactors.length / k;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.globalBias = globalBias;
        this.predictsRatings = predictsRatings;
    }

    /** A pure factor model without biases, as implicit-feedback methods produce. */
    public static FactorModel of(int k, float[] userFactors, float[] itemFactors) {
        return new FactorModel(k, userFactors, itemFactors, null, null, 0f, false);
    }

    public int factors() {
        return k;
    }

    public int numUsers() {
        return userFactors.length / k;
    }

    public int numItems() {
        return numItems;
    }

    @Override
    public void scoreUser(int user, float[] scores) {
        int uo = user * k;
        float base = globalBias + (userBias == null ? 0f : userBias[user]);
        for (int item = 0, io = 0; item < numItems; item++, io += k) {
            float dot = 0f;
            for (int f = 0; f < k; f++) {
                dot += userFactors[uo + f] * itemFactors[io + f];
            }
            scores[item] = base + (itemBias == null ? 0f : itemBias[item]) + dot;
        }
    }

    @Override
    public boolean predictsRatings() {
        return predictsRatings;
    }
}
