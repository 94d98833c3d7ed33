package com.beershop.reco.model;


/**
 * A latent-factor model: score(u, i) = global + userBias[u] + itemBias[i] + dot(userFactors[u], itemFactors[i]).
 * User factors are kept row-major ({@code k} floats per user). Item factors are kept factor-major: one array of
 * all items' values per factor, so scoring a user is k passes of {@code scores[i] += u[f] * column_f[i]} over
 * contiguous arrays, which the JIT turns into SIMD multiply-adds; a k-long dot product per item does not
 * vectorize (a float sum may not be reordered). Biases are optional (null means zero).
 */
public final class FactorModel implements TrainedModel {

    private final int k;
    private final int numItems;
    private final float[] userFactors;
    /** itemColumns[f][i] = factor f of item i. */
    private final float[][] itemColumns;
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
        this.itemColumns = new float[k][numItems];
        for (int item = 0, io = 0; item < numItems; item++, io += k) {
            for (int f = 0; f < k; f++) {
                itemColumns[f][item] = itemFactors[io + f];
            }
        }
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

    /** A copy of the user factors, user-major (k per user). */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /** A copy of the item factors, item-major (k per item), as the constructor took them. */
    public float[] itemFactors() {
        float[] factors = new float[numItems * k];
        for (int item = 0, io = 0; item < numItems; item++, io += k) {
            for (int f = 0; f < k; f++) {
                factors[io + f] = itemColumns[f][item];
            }
        }
        return factors;
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
        int f = 0;
        // four factors per pass: a quarter of the loads and stores of scores[], still simple enough to vectorize;
        // the first pass writes the bias too, instead of a separate fill
        if (k >= 4) {
            scoreFirstFour(uo, base, scores);
            f = 4;
        } else {
            for (int item = 0; item < numItems; item++) {
                scores[item] = base + (itemBias == null ? 0f : itemBias[item]);
            }
        }
        for (; f + 4 <= k; f += 4) {
            float a0 = userFactors[uo + f];
            float a1 = userFactors[uo + f + 1];
            float a2 = userFactors[uo + f + 2];
            float a3 = userFactors[uo + f + 3];
            float[] c0 = itemColumns[f];
            float[] c1 = itemColumns[f + 1];
            float[] c2 = itemColumns[f + 2];
            float[] c3 = itemColumns[f + 3];
            for (int item = 0; item < numItems; item++) {
                scores[item] += a0 * c0[item] + a1 * c1[item] + a2 * c2[item] + a3 * c3[item];
            }
        }
        for (; f < k; f++) {
            float a = userFactors[uo + f];
            float[] c = itemColumns[f];
            for (int item = 0; item < numItems; item++) {
                scores[item] += a * c[item];
            }
        }
    }

    private void scoreFirstFour(int uo, float base, float[] scores) {
        float a0 = userFactors[uo];
        float a1 = userFactors[uo + 1];
        float a2 = userFactors[uo + 2];
        float a3 = userFactors[uo + 3];
        float[] c0 = itemColumns[0];
        float[] c1 = itemColumns[1];
        float[] c2 = itemColumns[2];
        float[] c3 = itemColumns[3];
        if (itemBias == null) {
            for (int item = 0; item < numItems; item++) {
                scores[item] = base + a0 * c0[item] + a1 * c1[item] + a2 * c2[item] + a3 * c3[item];
            }
        } else {
            float[] bias = itemBias;
            for (int item = 0; item < numItems; item++) {
                scores[item] = base + bias[item] + a0 * c0[item] + a1 * c1[item] + a2 * c2[item] + a3 * c3[item];
            }
        }
    }

    @Override
    public boolean predictsRatings() {
        return predictsRatings;
    }
}
