package com.beershop.reco.model.ease;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.IndexRanges;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EASE^R (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): a dense item-item weight matrix in
 * closed form, B = I - P diag(1 / diag(P)) with P = (XᵀX + lambda I)⁻¹ and X the binary users × items matrix
 * (any rating counts as 1). The constraint diag(B) = 0 keeps an item from recommending itself. P comes from a
 * Cholesky factorisation ({@link CholeskyInverse}): XᵀX + lambda I is positive definite for any lambda > 0.
 *
 * <p>Memory is items² doubles while training plus items² floats for the model, and time is about items³, so a
 * catalogue above {@code max-items} is refused rather than left to run out of heap. Parameters: {@code lambda},
 * {@code max-items}, {@code profile-half-life} (days; 0, the default, weighs every rating alike).
 */
public final class EaseTrainer implements Trainer {

    public static final String NAME = "ease";
    // FilmTrust nDCG@10 (75/25, seed 42): 0.580 at 100, 0.584 at 300, 0.582 at 500, 0.580 at 1000; flat, so 300
    public static final double DEFAULT_LAMBDA = 300;
    public static final int DEFAULT_MAX_ITEMS = 15_000;
    /** Largest n for which n² still indexes one Java array. */
    private static final int HARD_MAX_ITEMS = 46_340;

    private static final Set<String> PARAMS = Set.of("lambda", "max-items", "profile-half-life");
    private static final Logger log = LoggerFactory.getLogger(EaseTrainer.class);

    private final double lambda;
    private final int maxItems;
    private final double profileHalfLifeDays;

    public EaseTrainer(double lambda, int maxItems) {
        this(lambda, maxItems, 0);
    }

    /**
     * @param profileHalfLifeDays when above 0, each of a user's ratings weighs {@code 2^(-age / half-life)} in the
     *                            user's profile, its age taken from the user's own latest rating: what a customer
     *                            drank lately says more about the next beer than what they drank years ago
     */
    public EaseTrainer(double lambda, int maxItems, double profileHalfLifeDays) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new InvalidAlgorithmSpecException(NAME + ": lambda must be positive, was " + lambda);
        }
        if (maxItems < 1 || maxItems > HARD_MAX_ITEMS) {
            throw new InvalidAlgorithmSpecException(
                    NAME + ": max-items must be in 1.." + HARD_MAX_ITEMS + ", was " + maxItems);
        }
        if (!(profileHalfLifeDays >= 0) || Double.isInfinite(profileHalfLifeDays)) {
            throw new InvalidAlgorithmSpecException(NAME + ": profile-half-life must be 0 (off) or a number of days, was "
                    + profileHalfLifeDays);
        }
        this.lambda = lambda;
        this.maxItems = maxItems;
        this.profileHalfLifeDays = profileHalfLifeDays;
    }

    /** Builds a trainer from configuration; unknown parameters and out-of-range values are rejected. */
    public static EaseTrainer fromSpec(AlgorithmSpec spec) {
        spec.requireOnly(PARAMS);
        return new EaseTrainer(spec.doubleParam("lambda", DEFAULT_LAMBDA), spec.intParam("max-items", DEFAULT_MAX_ITEMS),
                spec.doubleParam("profile-half-life", 0));
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    /**
     * @throws InvalidAlgorithmSpecException when the catalogue has more than {@code max-items} items
     */
    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        int n = ratings.numItems();
        if (n > maxItems) {
            double gigabytes = 12.0 * n * n / 1e9;
            throw new InvalidAlgorithmSpecException(String.format(java.util.Locale.ROOT,
                    "%s: the catalogue has %d items, more than max-items=%d; EASE needs about %.1f GB of heap and "
                            + "items^3 time for that. Raise max-items if the heap allows, or choose another algorithm.",
                    NAME, n, maxItems, gigabytes));
        }
        long start = System.nanoTime();
        double[] a = gram(ratings);
        for (int i = 0; i < n; i++) {
            a[i * n + i] += lambda;
        }
        log.info("ease: {} x {} Gram matrix in {} ms", n, n, millisSince(start));
        // P = (XᵀX + lambda I)⁻¹ lands in the float weights as it is computed, its diagonal kept in double;
        // B = I - P diag(1 / diag(P)) then rescales the weights in place, so no second n x n array is needed
        float[] weights = new float[n * n];
        double[] diagonal = new double[n];
        CholeskyInverse.invert(a, n, (i, j, value) -> {
            weights[i * n + j] = (float) value;
            if (i == j) {
                diagonal[i] = value;
            }
        });
        log.info("ease: inverted in {} ms", millisSince(start));
        IndexRanges.forEachBlock(n, 64, (block, from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * n;
                for (int j = 0; j < n; j++) {
                    weights[o + j] = i == j ? 0f : (float) (-weights[o + j] / diagonal[j]);
                }
            }
        });
        log.info("ease: {} items, lambda={}, trained in {} ms", n, lambda, millisSince(start));
        return new EaseModel(n, weights, ratings, profileHalfLifeDays);
    }

    /** XᵀX for binary X: entry (i, j) counts users who rated both. Each parallel block owns whole rows. */
    private static double[] gram(InteractionMatrix ratings) {
        int n = ratings.numItems();
        InteractionMatrix.ColumnView columns = ratings.columns();
        double[] g = new double[n * n];
        IndexRanges.forEachBlock(n, 16, (block, from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * n;
                for (int c = columns.colStart()[i]; c < columns.colStart()[i + 1]; c++) {
                    int user = columns.users()[c];
                    for (int e = ratings.rowStart(user); e < ratings.rowEnd(user); e++) {
                        g[o + ratings.itemAt(e)] += 1;
                    }
                }
            }
        });
        return g;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public Map<String, Object> effectiveParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lambda", lambda);
        params.put("max-items", maxItems);
        if (profileHalfLifeDays > 0) {
            params.put("profile-half-life", profileHalfLifeDays); // absent when off: the plain model as before
        }
        return Collections.unmodifiableMap(params);
    }

    @Override
    public String toString() {
        return Trainer.describe(effectiveParams());
    }
}
