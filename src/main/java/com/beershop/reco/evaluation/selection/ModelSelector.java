package com.beershop.reco.evaluation.selection;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.evaluation.RecentWindow;
import com.beershop.reco.evaluation.SplitKind;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.ease.EaseTrainer;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses an algorithm and its hyperparameters by validation nDCG@N. Give it only training data (the part of the
 * ratings the quality gate does not hold out): it carves its own validation split from that, of the gate's kind
 * (random, per-user latest, or a cut in time), so the gate's hold-out never influences the choice and the gate's
 * verdict stays unbiased.
 *
 * <p>Bounded in time three ways: above {@code maxRatings} it works on a seeded sample of whole users; each
 * candidate's cost is estimated ({@link CostModel}, calibrated on the candidates already run) and a candidate that
 * would not finish inside what is left of the budget is skipped; EASE is skipped when its items² matrices would
 * not fit the free heap. The fallback (the configured model) always runs first, so there is always a choice.
 * A later candidate replaces the best so far only when it beats it by more than {@code minGain} (relative): the
 * space lists cheap candidates first, so a costlier model must earn its cost with more than noise, and the
 * configured model stays unless something is clearly better.
 */
public final class ModelSelector {

    private static final Logger log = LoggerFactory.getLogger(ModelSelector.class);

    private final TrainerCatalog trainers;
    private final SearchSpace space;
    private final Settings settings;
    private final SplitKind validationKind;
    private final RecentWindow recent;

    /**
     * @param validationFraction share of each user's training ratings held out for validation
     * @param maxRatings ratings above which selection samples users
     * @param budgetSeconds time the whole selection may take up to {@code fullBudgetRatings} training ratings
     *                      (the fallback runs even if it alone is slower)
     * @param fullBudgetRatings above this many training ratings the budget shrinks in proportion, because the rest
     *                          of the run (load, training, scoring, publishing) grows with the ratings
     * @param lists how lists are made (N of nDCG@N, the style re-rank), as publishing makes them
     * @param minUserRatings users with fewer training ratings get the most-popular list, as publishing does
     * @param seed seed of the sample, the validation split and every candidate's training
     * @param minGain relative validation nDCG gain a later candidate needs over the best so far (0.01: 1 %)
     */
    public record Settings(double validationFraction, int maxRatings, double budgetSeconds, long fullBudgetRatings,
                           ListPolicy lists, int minUserRatings, long seed, double minGain) {

        public Settings {
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation fraction must lie strictly between 0 and 1");
            }
            if (!(minGain >= 0 && minGain < 1)) {
                throw new IllegalArgumentException("the minimum gain must lie in [0, 1), was " + minGain);
            }
            if (maxRatings < 1 || !(budgetSeconds >= 0) || fullBudgetRatings < 1) {
                throw new IllegalArgumentException("max ratings must be positive and the budget not negative");
            }
        }

        /** True when a later candidate's validation nDCG beats the best so far by more than the minimum gain. */
        public boolean replaces(double candidateNdcg, double bestNdcg) {
            return candidateNdcg > bestNdcg * (1 + minGain);
        }

        /** The budget for {@code ratings} training ratings. */
        public double budgetFor(long ratings) {
            return budgetSeconds * Math.min(1.0, fullBudgetRatings / (double) Math.max(1, ratings));
        }
    }

    /** Validates on a random per-user split. */
    public ModelSelector(TrainerCatalog trainers, SearchSpace space, Settings settings) {
        this(trainers, space, settings, SplitKind.RANDOM, RecentWindow.DEFAULT);
    }

    /**
     * @param validationKind how the validation split is carved from the training data: as the gate's split is, so a
     *                       recent gate chooses by what users rate next (a recent split falls back to random, in the
     *                       log, when the sample has no time span to cut)
     * @param recent where a recent validation split cuts
     */
    public ModelSelector(TrainerCatalog trainers, SearchSpace space, Settings settings, SplitKind validationKind,
                         RecentWindow recent) {
        this.trainers = trainers;
        this.space = space;
        this.settings = settings;
        this.validationKind = validationKind;
        this.recent = recent;
        space.candidates().forEach(trainers::create); // a typo fails now, not after an hour of training
    }

    /**
     * @param gate the quality gate's split: selection trains and validates on its training part only; the gate's
     *             held-out items are merely kept out of validation lists (they are known, not unknown, to the
     *             user), never scored
     * @param input the ratings the gate split, the items that may be recommended (what publishing keeps) and their
     *              styles for the style re-rank
     * @param fallback the configured model: evaluated first and chosen when nothing beats it
     * @throws com.beershop.reco.model.InvalidAlgorithmSpecException when the fallback's name or parameters are wrong
     */
    public SelectionResult select(HoldoutSplit gate, ScoringInput input, AlgorithmSpec fallback) {
        // a typo in the configured model is a configuration error (exit 2), not a candidate that failed
        trainers.create(fallback);
        long start = System.nanoTime();
        InteractionMatrix train = gate.train();
        double budget = settings.budgetFor(train.numRatings());
        UserSample sample = UserSample.of(train, settings.maxRatings(), settings.seed());
        InteractionMatrix data = sample.ratings();
        HoldoutSplit split = new HoldoutProtocol(validationKind, settings.validationFraction(), settings.seed() + 1,
                settings.lists(), settings.minUserRatings(), 0, recent).split(data);
        // the user sample above already bounds the validation's cost: score every sampled user
        OfflineEvaluator evaluator = new OfflineEvaluator(settings.lists(), input.recommendable(),
                input.styleOfItem(), settings.minUserRatings(), 0, trainers.workers());
        MaskedTrainer.KnownItems known = user -> gate.testItems(sample.originalUser()[user]);
        CostModel costs = new CostModel();
        List<AlgorithmSpec> order = new ArrayList<>();
        order.add(fallback);
        space.candidates().stream().filter(spec -> !spec.equals(fallback)).forEach(order::add);
        log.info("Model selection: {} candidates on {} users, {} ratings ({} validation), budget {} s",
                order.size(), data.numUsers(), data.numRatings(), split.numTestRatings(), format(budget));

        List<CandidateScore> scores = new ArrayList<>();
        AlgorithmSpec best = null;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        for (AlgorithmSpec spec : order) {
            double left = budget - secondsSince(start);
            String skip = spec == fallback ? null : skipReason(spec, split.train(), costs, left);
            if (skip != null) {
                scores.add(new CandidateScore(spec, CandidateScore.Status.SKIPPED, Double.NaN, 0, skip));
                log.info("Selection skips {}: {}", spec, skip);
                continue;
            }
            long candidateStart = System.nanoTime();
            try {
                EvaluationResult result = evaluator.evaluate(new MaskedTrainer(trainers.create(spec), known), split);
                double seconds = secondsSince(candidateStart);
                costs.observe(spec, split.train(), seconds);
                scores.add(new CandidateScore(spec, CandidateScore.Status.EVALUATED, result.ndcg(), seconds, ""));
                log.info("Selection: {} validation nDCG@{} {} in {} s", spec, settings.lists().topN(),
                        format(result.ndcg()), format(seconds));
                if (best == null || settings.replaces(result.ndcg(), bestNdcg)) {
                    best = spec;
                    bestNdcg = result.ndcg();
                }
            } catch (RuntimeException e) {
                scores.add(new CandidateScore(spec, CandidateScore.Status.FAILED, Double.NaN,
                        secondsSince(candidateStart), String.valueOf(e.getMessage())));
                log.warn("Selection: {} failed: {}", spec, e.getMessage());
            }
        }
        if (best == null) {
            best = fallback; // even the fallback failed; the real training will report why
            bestNdcg = Double.NaN;
        }
        SelectionResult result = new SelectionResult(best, bestNdcg, scores, data.numUsers(), data.numRatings(),
                secondsSince(start));
        log.info("Model selection chose {} (validation nDCG@{} {}) after {} of {} candidates in {} s", best,
                settings.lists().topN(), format(bestNdcg), result.evaluated(), order.size(), format(result.seconds()));
        return result;
    }

    private static String skipReason(AlgorithmSpec spec, InteractionMatrix data, CostModel costs, double left) {
        if (EaseTrainer.NAME.equals(spec.name())) {
            long n = data.numItems();
            Runtime runtime = Runtime.getRuntime();
            long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
            // the Gram matrix in doubles plus the weights in floats, with room for the rest of the run
            if (12 * n * n > free / 2) {
                return String.format(Locale.ROOT, "%d items need %d MB for EASE, %d MB of heap free",
                        n, 12 * n * n >> 20, free >> 20);
            }
        }
        double estimate = costs.seconds(spec, data);
        if (estimate > left) {
            return String.format(Locale.ROOT, "estimated %s s, %s s of the budget left", format(estimate),
                    format(Math.max(0, left)));
        }
        return null;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
