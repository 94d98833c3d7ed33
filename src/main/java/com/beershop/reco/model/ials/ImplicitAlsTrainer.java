package com.beershop.reco.model.ials;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.IndexRanges;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008), each row solved approximately with a
 * few conjugate-gradient steps warm-started from the previous iteration (Takács, Pilászy and Tikk 2011).
 *
 * <p>Every user-item pair is a training example: preference p = 1 for a rated item, 0 otherwise, with confidence
 * c = 1 + alpha * r' for rated items and 1 for the rest. The unrated part is handled by the Gramian trick: YᵀY over
 * all items is computed once per half-iteration and each row adds only its own rated items, so one iteration
 * costs O(nnz · k · cgSteps + rows · k² · cgSteps) with no dense users × items or per-row items × k storage.
 *
 * <p>Parameters ({@link #fromSpec}): {@code factors} (k), {@code iterations}, {@code reg} (lambda),
 * {@code alpha}, {@code confidence} ({@code binary}: r' = 1; {@code rating}: r' = the rating value;
 * {@code log}: r' = ln(1 + rating)), {@code reg-scaling} ({@code constant}: lambda for every row;
 * {@code frequency}: lambda times the row's total confidence weight, Rendle et al. 2021), {@code cg-steps},
 * {@code init-std}.
 *
 * <p>Deterministic for a seed: initial factors come from one seeded generator, every row's solve reads only the
 * other side's factors, and the Gramian is summed over fixed blocks in block order.
 */
public final class ImplicitAlsTrainer implements Trainer {

    public static final String NAME = "ials";

    /** How a rating turns into the r' of c = 1 + alpha * r'. */
    public enum Confidence { BINARY, RATING, LOG }

    /** How lambda is applied per row. */
    public enum RegScaling { CONSTANT, FREQUENCY }

    // defaults chosen on four data sets (75/25 per-user split, seed 42, nDCG@10; README "Quality"): the beer
    // sample, FilmTrust, and the generated M and L shops. Frequency-scaled reg multiplies reg by each row's total
    // confidence, so a busy catalogue (L: ~500 ratings per product) is regularised far harder than a small one:
    // alpha 2 with reg 0.01, best on the two small sets, collapsed to most-popular on L (0.0144 vs 0.0141).
    // 8 factors, alpha 3, reg 0.005 beat most-popular on all four (0.272 vs 0.192, 0.568 vs 0.538, 0.063 vs
    // 0.027, 0.040 vs 0.014), each within 0.02 of that set's best configuration.
    public static final int DEFAULT_FACTORS = 8;
    public static final int DEFAULT_ITERATIONS = 15;
    public static final double DEFAULT_REG = 0.005;
    public static final double DEFAULT_ALPHA = 3;
    public static final Confidence DEFAULT_CONFIDENCE = Confidence.BINARY;
    public static final RegScaling DEFAULT_REG_SCALING = RegScaling.FREQUENCY;
    public static final int DEFAULT_CG_STEPS = 3;
    public static final double DEFAULT_INIT_STD = 0.01;

    private static final Set<String> PARAMS =
            Set.of("factors", "iterations", "reg", "alpha", "confidence", "reg-scaling", "cg-steps", "init-std");
    private static final Logger log = LoggerFactory.getLogger(ImplicitAlsTrainer.class);
    // rows per parallel block: big enough to amortise scheduling, small enough to balance 2-64 cores
    private static final int BLOCK = 512;

    private final int factors;
    private final int iterations;
    private final double reg;
    private final double alpha;
    private final Confidence confidence;
    private final RegScaling regScaling;
    private final int cgSteps;
    private final double initStd;

    public ImplicitAlsTrainer(int factors, int iterations, double reg, double alpha, Confidence confidence,
                              RegScaling regScaling, int cgSteps, double initStd) {
        require(factors >= 1 && factors <= 1024, "factors must be in 1..1024, was " + factors);
        require(iterations >= 1, "iterations must be at least 1, was " + iterations);
        require(reg > 0 && Double.isFinite(reg), "reg must be positive, was " + reg);
        require(alpha >= 0 && Double.isFinite(alpha), "alpha must be zero or positive, was " + alpha);
        require(cgSteps >= 1, "cg-steps must be at least 1, was " + cgSteps);
        require(initStd > 0 && Double.isFinite(initStd), "init-std must be positive, was " + initStd);
        this.factors = factors;
        this.iterations = iterations;
        this.reg = reg;
        this.alpha = alpha;
        this.confidence = confidence;
        this.regScaling = regScaling;
        this.cgSteps = cgSteps;
        this.initStd = initStd;
    }

    /** Builds a trainer from configuration; unknown parameters and out-of-range values are rejected. */
    public static ImplicitAlsTrainer fromSpec(AlgorithmSpec spec) {
        spec.requireOnly(PARAMS);
        return new ImplicitAlsTrainer(
                spec.intParam("factors", DEFAULT_FACTORS),
                spec.intParam("iterations", DEFAULT_ITERATIONS),
                spec.doubleParam("reg", DEFAULT_REG),
                spec.doubleParam("alpha", DEFAULT_ALPHA),
                enumParam(spec, "confidence", Confidence.class, DEFAULT_CONFIDENCE),
                enumParam(spec, "reg-scaling", RegScaling.class, DEFAULT_REG_SCALING),
                spec.intParam("cg-steps", DEFAULT_CG_STEPS),
                spec.doubleParam("init-std", DEFAULT_INIT_STD));
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        long start = System.nanoTime();
        int k = factors;
        int numUsers = ratings.numUsers();
        int numItems = ratings.numItems();
        InteractionMatrix.ColumnView columns = ratings.columns();

        // alpha * r' per entry, in both layouts, so the inner loops read one array instead of recomputing
        float[] userWeights = new float[ratings.numRatings()];
        for (int e = 0; e < userWeights.length; e++) {
            userWeights[e] = weight(ratings.valueAt(e));
        }
        float[] itemWeights = new float[ratings.numRatings()];
        for (int e = 0; e < itemWeights.length; e++) {
            itemWeights[e] = weight(columns.values()[e]);
        }
        int[] rowStart = new int[numUsers + 1];
        for (int u = 0; u <= numUsers; u++) {
            rowStart[u] = u < numUsers ? ratings.rowStart(u) : ratings.numRatings();
        }
        int[] rowItems = new int[ratings.numRatings()];
        for (int e = 0; e < rowItems.length; e++) {
            rowItems[e] = ratings.itemAt(e);
        }
        Side users = new Side(numUsers, rowStart, rowItems, userWeights, rowReg(numUsers, numItems, rowStart, userWeights));
        Side items = new Side(numItems, columns.colStart(), columns.users(), itemWeights,
                rowReg(numItems, numUsers, columns.colStart(), itemWeights));

        SplittableRandom random = new SplittableRandom(seed);
        float[] userFactors = gaussian(random, numUsers * k);
        float[] itemFactors = gaussian(random, numItems * k);
        log.info("ials: {} users x {} items, {} ratings, {}; prepared in {} ms",
                numUsers, numItems, ratings.numRatings(), this, millisSince(start));

        for (int iteration = 1; iteration <= iterations; iteration++) {
            long iterationStart = System.nanoTime();
            solve(users, userFactors, itemFactors, numItems);
            solve(items, itemFactors, userFactors, numUsers);
            log.info("ials iteration {}/{}: {} ms (elapsed {} ms)",
                    iteration, iterations, millisSince(iterationStart), millisSince(start));
        }
        return FactorModel.of(k, userFactors, itemFactors);
    }

    /** One side's rows: who each row interacted with, the alpha * r' weights, and each row's lambda. */
    private record Side(int rows, int[] start, int[] other, float[] weights, double[] reg) {
    }

    private float weight(float rating) {
        double r = switch (confidence) {
            case BINARY -> 1.0;
            case RATING -> rating;
            case LOG -> Math.log1p(Math.max(0.0, rating));
        };
        // a negative confidence increment would make the row system indefinite and break conjugate gradient
        return (float) (alpha * Math.max(0.0, r));
    }

    private double[] rowReg(int rows, int otherSize, int[] start, float[] weights) {
        double[] result = new double[rows];
        for (int row = 0; row < rows; row++) {
            if (regScaling == RegScaling.CONSTANT) {
                result[row] = reg;
            } else {
                // the row's total confidence: 1 for each of the other side's entries plus its own alpha * r'
                double total = otherSize;
                for (int e = start[row]; e < start[row + 1]; e++) {
                    total += weights[e];
                }
                result[row] = reg * total;
            }
        }
        return result;
    }

    /** Updates every row of {@code target} against fixed {@code fixed} factors (which have {@code fixedRows} rows). */
    private void solve(Side side, float[] target, float[] fixed, int fixedRows) {
        int k = factors;
        double[] gram = gramian(fixed, fixedRows, k);
        IndexRanges.forEachBlock(side.rows(), BLOCK, (block, from, to) -> {
            double[] x = new double[k];
            double[] r = new double[k];
            double[] p = new double[k];
            double[] ap = new double[k];
            for (int row = from; row < to; row++) {
                solveRow(side, row, target, fixed, gram, x, r, p, ap);
            }
        });
    }

    /**
     * Conjugate gradient on (YᵀY + Yᵀ(C - I)Y + lambda I) x = Yᵀ C p for one row, starting from the current factors.
     */
    private void solveRow(Side side, int row, float[] target, float[] fixed, double[] gram,
                          double[] x, double[] r, double[] p, double[] ap) {
        int k = factors;
        int offset = row * k;
        int from = side.start()[row];
        int to = side.start()[row + 1];
        int[] other = side.other();
        float[] weights = side.weights();
        double lambda = side.reg()[row];
        for (int f = 0; f < k; f++) {
            x[f] = target[offset + f];
        }
        // r = b - A x
        multiplyGram(gram, x, r, k);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f] - lambda * x[f];
        }
        for (int e = from; e < to; e++) {
            int yo = other[e] * k;
            double w = weights[e];
            double scale = (1 + w) - w * dot(fixed, yo, x, k);
            for (int f = 0; f < k; f++) {
                r[f] += scale * fixed[yo + f];
            }
        }
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            p[f] = r[f];
            rsOld += r[f] * r[f];
        }
        for (int step = 0; step < cgSteps && rsOld > 1e-20; step++) {
            multiplyGram(gram, p, ap, k);
            for (int f = 0; f < k; f++) {
                ap[f] += lambda * p[f];
            }
            for (int e = from; e < to; e++) {
                int yo = other[e] * k;
                double scale = weights[e] * dot(fixed, yo, p, k);
                for (int f = 0; f < k; f++) {
                    ap[f] += scale * fixed[yo + f];
                }
            }
            double pAp = 0;
            for (int f = 0; f < k; f++) {
                pAp += p[f] * ap[f];
            }
            double stepSize = rsOld / pAp;
            double rsNew = 0;
            for (int f = 0; f < k; f++) {
                x[f] += stepSize * p[f];
                r[f] -= stepSize * ap[f];
                rsNew += r[f] * r[f];
            }
            double beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
        for (int f = 0; f < k; f++) {
            target[offset + f] = (float) x[f];
        }
    }

    // column form (out += v[b] * gram row b, valid because the Gramian is symmetric): an axpy the JIT vectorises,
    // where the row-times-vector form is a reduction it will not reorder
    private static void multiplyGram(double[] gram, double[] v, double[] out, int k) {
        java.util.Arrays.fill(out, 0, k, 0.0);
        for (int b = 0, go = 0; b < k; b++, go += k) {
            double vb = v[b];
            for (int a = 0; a < k; a++) {
                out[a] += vb * gram[go + a];
            }
        }
    }

    // four partial sums break the add dependency chain; the order is fixed, so results stay deterministic
    private static double dot(float[] y, int offset, double[] v, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += y[offset + f] * v[f];
            s1 += y[offset + f + 1] * v[f + 1];
            s2 += y[offset + f + 2] * v[f + 2];
            s3 += y[offset + f + 3] * v[f + 3];
        }
        for (; f < k; f++) {
            s0 += y[offset + f] * v[f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** YᵀY (k × k, row-major), summed per fixed block and then over blocks in order, so thread count cannot change it. */
    static double[] gramian(float[] factors, int rows, int k) {
        int blocks = IndexRanges.blocks(rows, BLOCK * 4);
        double[][] partial = new double[blocks][];
        IndexRanges.forEachBlock(rows, BLOCK * 4, (block, from, to) -> {
            double[] g = new double[k * k];
            for (int row = from; row < to; row++) {
                int o = row * k;
                for (int a = 0; a < k; a++) {
                    double va = factors[o + a];
                    int go = a * k;
                    // upper triangle only; mirrored below
                    for (int b = a; b < k; b++) {
                        g[go + b] += va * factors[o + b];
                    }
                }
            }
            partial[block] = g;
        });
        double[] gram = new double[k * k];
        for (double[] g : partial) {
            for (int i = 0; i < g.length; i++) {
                gram[i] += g[i];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * k + b] = gram[b * k + a];
            }
        }
        return gram;
    }

    private float[] gaussian(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (nextGaussian(random) * initStd);
        }
        return values;
    }

    // SplittableRandom has no nextGaussian on Java 17; Box-Muller with one output per call keeps the sequence simple
    private static double nextGaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidAlgorithmSpecException(NAME + ": " + message);
        }
    }

    private static <E extends Enum<E>> E enumParam(AlgorithmSpec spec, String key, Class<E> type, E defaultValue) {
        String value = spec.params().get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidAlgorithmSpecException(NAME + ": parameter " + key + "=" + value + " is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** The effective parameters, defaults included, in the same words as the configuration. */
    @Override
    public String toString() {
        return "factors=" + factors + ", iterations=" + iterations + ", reg=" + reg + ", alpha=" + alpha
                + ", confidence=" + confidence.name().toLowerCase(Locale.ROOT)
                + ", reg-scaling=" + regScaling.name().toLowerCase(Locale.ROOT)
                + ", cg-steps=" + cgSteps + ", init-std=" + initStd;
    }
}
