package com.beershop.reco.model.ials;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.FactorModel;
import com.beershop.reco.model.IndexRanges;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.RecencyDecay;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008), each row solved approximately with a
 * few conjugate-gradient steps warm-started from the previous iteration (Takács, Pilászy and Tikk 2011; the
 * solver is {@link AlsHalfStep}).
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
 * {@code init-std}, {@code recency-half-life} (days; 0, the default, weighs every rating alike).
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
    /** Entries per parallel block of the preparation: a block's work is far above a task's cost. */
    private static final int PREPARE_BLOCK = 1 << 16;

    private static final Set<String> PARAMS =
            Set.of("factors", "iterations", "reg", "alpha", "confidence", "reg-scaling", "cg-steps", "init-std",
                    "recency-half-life");
    private static final Logger log = LoggerFactory.getLogger(ImplicitAlsTrainer.class);

    private final int factors;
    private final int iterations;
    private final double reg;
    private final double alpha;
    private final Confidence confidence;
    private final RegScaling regScaling;
    private final int cgSteps;
    private final double initStd;
    private final double recencyHalfLifeDays;

    public ImplicitAlsTrainer(int factors, int iterations, double reg, double alpha, Confidence confidence,
                              RegScaling regScaling, int cgSteps, double initStd) {
        this(factors, iterations, reg, alpha, confidence, regScaling, cgSteps, initStd, 0);
    }

    /**
     * @param recencyHalfLifeDays when above 0, a rating's confidence increment alpha * r' is also multiplied by
     *                            {@code 2^(-age / half-life)}, its age taken from the latest rating in the data: last
     *                            month's ratings speak louder than last year's (0: every rating alike)
     */
    public ImplicitAlsTrainer(int factors, int iterations, double reg, double alpha, Confidence confidence,
                              RegScaling regScaling, int cgSteps, double initStd, double recencyHalfLifeDays) {
        require(factors >= 1 && factors <= 1024, "factors must be in 1..1024, was " + factors);
        require(iterations >= 1, "iterations must be at least 1, was " + iterations);
        require(reg > 0 && Double.isFinite(reg), "reg must be positive, was " + reg);
        require(alpha >= 0 && Double.isFinite(alpha), "alpha must be zero or positive, was " + alpha);
        require(cgSteps >= 1, "cg-steps must be at least 1, was " + cgSteps);
        require(initStd > 0 && Double.isFinite(initStd), "init-std must be positive, was " + initStd);
        require(recencyHalfLifeDays >= 0 && Double.isFinite(recencyHalfLifeDays),
                "recency-half-life must be 0 (off) or a number of days, was " + recencyHalfLifeDays);
        this.factors = factors;
        this.iterations = iterations;
        this.reg = reg;
        this.alpha = alpha;
        this.confidence = confidence;
        this.regScaling = regScaling;
        this.cgSteps = cgSteps;
        this.initStd = initStd;
        this.recencyHalfLifeDays = recencyHalfLifeDays;
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
                spec.doubleParam("init-std", DEFAULT_INIT_STD),
                spec.doubleParam("recency-half-life", 0));
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        return run(ratings, seed, null, iterations);
    }

    /**
     * Starts from {@code start}'s factors when it is an iALS model of the same shape (the hold-out's model of the
     * same configuration: same users, items and k), and runs a third of the iterations, at least 2: each
     * half-step solves one side exactly given the other, so from factors that already fit 75 % of the ratings the
     * solution settles within a few iterations. Anything else trains from scratch.
     */
    @Override
    public TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
        if (start instanceof FactorModel model && model.factors() == factors && !model.predictsRatings()
                && model.numUsers() == ratings.numUsers() && model.numItems() == ratings.numItems()) {
            return run(ratings, seed, model, Math.max(2, (iterations + 2) / 3));
        }
        return train(ratings, seed);
    }

    private TrainedModel run(InteractionMatrix ratings, long seed, FactorModel startFrom, int iterations) {
        long start = System.nanoTime();
        int k = factors;
        int numUsers = ratings.numUsers();
        int numItems = ratings.numItems();
        InteractionMatrix.ColumnView columns = ratings.columns();

        // alpha * r' per entry, in both layouts, so the inner loops read one array instead of recomputing
        float[] userWeights = new float[ratings.numRatings()];
        RecencyDecay decay = RecencyDecay.of(ratings, recencyHalfLifeDays);
        IndexRanges.forEachBlock(userWeights.length, PREPARE_BLOCK, (block, from, to) -> {
            for (int e = from; e < to; e++) {
                userWeights[e] = weight(ratings.valueAt(e)) * decay.at(ratings.timeAt(e));
            }
        });
        float[] itemWeights = ratings.toColumnOrder(userWeights);
        int[] rowStart = new int[numUsers + 1];
        for (int u = 0; u <= numUsers; u++) {
            rowStart[u] = u < numUsers ? ratings.rowStart(u) : ratings.numRatings();
        }
        int[] rowItems = new int[ratings.numRatings()];
        for (int e = 0; e < rowItems.length; e++) {
            rowItems[e] = ratings.itemAt(e);
        }
        AlsHalfStep.Side users = new AlsHalfStep.Side(numUsers, rowStart, rowItems, userWeights,
                rowReg(numUsers, numItems, rowStart, userWeights));
        AlsHalfStep.Side items = new AlsHalfStep.Side(numItems, columns.colStart(), columns.users(), itemWeights,
                rowReg(numItems, numUsers, columns.colStart(), itemWeights));

        SplittableRandom random = new SplittableRandom(seed);
        float[] userFactors = startFrom == null ? gaussian(random, numUsers * k) : startFrom.userFactors();
        float[] itemFactors = startFrom == null ? gaussian(random, numItems * k) : startFrom.itemFactors();
        log.info("ials: {} users x {} items, {} ratings, {}; {}; {} kernels; prepared in {} ms",
                numUsers, numItems, ratings.numRatings(), this,
                startFrom == null ? "random start" : "warm start, " + iterations + " iterations",
                RowKernels.fastest().name(), millisSince(start));

        AlsHalfStep halfStep = new AlsHalfStep(k, cgSteps);
        for (int iteration = 1; iteration <= iterations; iteration++) {
            long iterationStart = System.nanoTime();
            halfStep.solve(users, userFactors, itemFactors, numItems);
            halfStep.solve(items, itemFactors, userFactors, numUsers);
            log.info("ials iteration {}/{}: {} ms (elapsed {} ms)",
                    iteration, iterations, millisSince(iterationStart), millisSince(start));
        }
        return FactorModel.of(k, userFactors, itemFactors);
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
        IndexRanges.forEachBlock(rows, PREPARE_BLOCK / 64, (block, from, to) -> {
            for (int row = from; row < to; row++) {
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
        });
        return result;
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

    @Override
    public Map<String, Object> effectiveParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("factors", factors);
        params.put("iterations", iterations);
        params.put("reg", reg);
        params.put("alpha", alpha);
        params.put("confidence", confidence.name().toLowerCase(Locale.ROOT));
        params.put("reg-scaling", regScaling.name().toLowerCase(Locale.ROOT));
        params.put("cg-steps", cgSteps);
        params.put("init-std", initStd);
        if (recencyHalfLifeDays > 0) {
            params.put("recency-half-life", recencyHalfLifeDays); // absent when off: the plain model as before
        }
        return Collections.unmodifiableMap(params);
    }

    @Override
    public String toString() {
        return Trainer.describe(effectiveParams());
    }
}
