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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>Bounded by work, not by seconds, so the same data and configuration always choose the same model whatever
 * else the machine is doing: above {@code maxRatings} it works on a seeded sample of whole users; each candidate
 * costs its {@link CostModel} units (multiply-adds, from the data's shape alone) and one that does not fit what is
 * left of the work budget is skipped; EASE is skipped when its items² matrices would not fit a third of the maximum
 * heap (a configured size, not the moment's free memory). A hard wall limit stops the search on a machine far
 * slower than expected; that is the one non-deterministic stop, and the result says it happened. The fallback
 * (the configured model) always runs first, so there is always a choice. A later candidate replaces the best so far
 * only when it beats it by more than {@code minGain} (relative). Then the cheapest candidate whose validation nDCG
 * falls short of that best by no more than {@code noiseMargin} standard errors is chosen
 * ({@link CheapestWithinNoise}, the one-standard-error rule): a costlier model must earn its cost with more than
 * noise.
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
     * @param workBudget cost-model units (multiply-adds) the candidates after the fallback may spend in all
     * @param wallLimitSeconds wall time after which no further candidate starts, whatever the work budget says
     * @param lists how lists are made (N of nDCG@N, the style re-rank), as publishing makes them
     * @param minUserRatings users with fewer training ratings get the fallback list, as publishing does
     * @param seed seed of the sample, the validation split and every candidate's training
     * @param minGain relative validation nDCG gain a later candidate needs over the best so far (0.01: 1 %)
     * @param noiseMargin standard errors of the paired shortfall within which a cheaper candidate is chosen over the
     *                    best (1: the one-standard-error rule; 0: the best validation nDCG wins)
     */
    public record Settings(double validationFraction, int maxRatings, double workBudget, double wallLimitSeconds,
                           ListPolicy lists, int minUserRatings, long seed, double minGain, double noiseMargin) {

        /** Without the noise rule: the best validation nDCG wins. */
        public Settings(double validationFraction, int maxRatings, double workBudget, double wallLimitSeconds,
                        ListPolicy lists, int minUserRatings, long seed, double minGain) {
            this(validationFraction, maxRatings, workBudget, wallLimitSeconds, lists, minUserRatings, seed, minGain, 0);
        }

        public Settings {
            new CheapestWithinNoise(noiseMargin); // refuses a negative or unbounded margin
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation fraction must lie strictly between 0 and 1");
            }
            if (!(minGain >= 0 && minGain < 1)) {
                throw new IllegalArgumentException("the minimum gain must lie in [0, 1), was " + minGain);
            }
            if (maxRatings < 1 || !(workBudget >= 0) || !(wallLimitSeconds > 0)) {
                throw new IllegalArgumentException("max ratings and the wall limit must be positive and the work"
                        + " budget not negative");
            }
        }

        /** True when a later candidate's validation nDCG beats the best so far by more than the minimum gain. */
        public boolean replaces(double candidateNdcg, double bestNdcg) {
            return candidateNdcg > bestNdcg * (1 + minGain);
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
        UserSample sample = UserSample.of(train, settings.maxRatings(), settings.seed());
        InteractionMatrix data = sample.ratings();
        HoldoutSplit split = new HoldoutProtocol(validationKind, settings.validationFraction(), settings.seed() + 1,
                settings.lists(), settings.minUserRatings(), 0, recent).split(data);
        // the user sample above already bounds the validation's cost: score every sampled user
        OfflineEvaluator evaluator = new OfflineEvaluator(settings.lists(), input.recommendable(),
                input.styleOfItem(), settings.minUserRatings(), 0, trainers.workers());
        MaskedTrainer.KnownItems known = user -> gate.testItems(sample.originalUser()[user]);
        List<AlgorithmSpec> order = new ArrayList<>();
        order.add(fallback);
        space.candidates().stream().filter(spec -> !spec.equals(fallback)).forEach(order::add);
        log.info("Model selection: {} candidates on {} users, {} ratings ({} validation), work budget {} units,"
                        + " wall limit {} s", order.size(), data.numUsers(), data.numRatings(),
                split.numTestRatings(), units(settings.workBudget()), format(settings.wallLimitSeconds()));

        List<CandidateScore> scores = new ArrayList<>();
        List<CheapestWithinNoise.Scored> evaluated = new ArrayList<>();
        CheapestWithinNoise.Scored best = null;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        double spent = 0;
        boolean wallLimitHit = false;
        for (AlgorithmSpec spec : order) {
            double cost = CostModel.units(spec, split.train());
            String skip = null;
            if (spec != fallback) {
                if (secondsSince(start) >= settings.wallLimitSeconds()) {
                    wallLimitHit = true;
                    skip = "wall limit of " + format(settings.wallLimitSeconds()) + " s reached";
                } else {
                    skip = skipReason(spec, split.train(), cost, settings.workBudget() - spent);
                }
            }
            if (skip != null) {
                scores.add(new CandidateScore(spec, CandidateScore.Status.SKIPPED, Double.NaN, 0, cost, skip));
                log.info("Selection skips {}: {}", spec, skip);
                continue;
            }
            long candidateStart = System.nanoTime();
            if (spec != fallback) {
                spent += cost; // the fallback runs whatever it costs; the budget is for the search beyond it
            }
            try {
                OfflineEvaluator.Evaluated run = evaluator.evaluateTrained(
                        new MaskedTrainer(trainers.create(spec), known), split);
                EvaluationResult result = run.result();
                double seconds = secondsSince(candidateStart);
                scores.add(new CandidateScore(spec, CandidateScore.Status.EVALUATED, result.ndcg(), seconds, cost,
                        ""));
                log.info("Selection: {} validation nDCG@{} {} in {} s ({} units)", spec, settings.lists().topN(),
                        format(result.ndcg()), format(seconds), units(cost));
                // only the per-user nDCGs stay: the model itself is dropped before the next candidate trains
                CheapestWithinNoise.Scored scored = new CheapestWithinNoise.Scored(scores.size() - 1, cost,
                        run.userNdcg());
                evaluated.add(scored);
                if (best == null || settings.replaces(result.ndcg(), bestNdcg)) {
                    best = scored;
                    bestNdcg = result.ndcg();
                }
            } catch (RuntimeException e) {
                scores.add(new CandidateScore(spec, CandidateScore.Status.FAILED, Double.NaN,
                        secondsSince(candidateStart), cost, String.valueOf(e.getMessage())));
                log.warn("Selection: {} failed: {}", spec, e.getMessage());
            }
        }
        AlgorithmSpec chosen = fallback; // even the fallback failed; the real training will report why
        double chosenNdcg = Double.NaN;
        if (best != null) {
            CheapestWithinNoise.Choice choice = new CheapestWithinNoise(settings.noiseMargin()).choose(evaluated, best);
            CandidateScore bestScore = scores.get(best.index());
            CandidateScore chosenScore = scores.get(choice.chosen().index());
            chosen = chosenScore.spec();
            chosenNdcg = chosenScore.ndcg();
            if (choice.chosen() != best) {
                log.info("Selection prefers {} ({} units, validation nDCG@{} {}) to the best, {} ({} units, {}): it"
                                + " falls short by {}, within {} standard error(s)", chosen, units(chosenScore.workUnits()),
                        settings.lists().topN(), format(chosenNdcg), bestScore.spec(),
                        units(bestScore.workUnits()), format(bestNdcg), choice.shortfall(),
                        format(settings.noiseMargin()));
            }
        }
        SelectionResult result = new SelectionResult(chosen, chosenNdcg, scores, data.numUsers(), data.numRatings(),
                secondsSince(start), new SelectionResult.Budget(settings.workBudget(), spent,
                settings.wallLimitSeconds(), wallLimitHit));
        log.info("Model selection chose {} (validation nDCG@{} {}) after {} of {} candidates in {} s, {} of {} units"
                        + " spent{}", chosen, settings.lists().topN(), format(chosenNdcg), result.evaluated(),
                order.size(), format(result.seconds()), units(spent), units(settings.workBudget()),
                wallLimitHit ? ", stopped by the wall limit" : "");
        return result;
    }

    /**
     * What decides which model tonight's data would choose, as text: the candidates in order, the fallback, every
     * setting but the wall limit, and the validation split. A recorded selection is reused only while this is
     * unchanged.
     */
    public String configurationKey(AlgorithmSpec fallback) {
        return String.join("\n", "fallback=" + fallback, "space=" + space.candidates(),
                "settings=" + new Settings(settings.validationFraction(), settings.maxRatings(), settings.workBudget(),
                        1, settings.lists(), settings.minUserRatings(), settings.seed(), settings.minGain(),
                        settings.noiseMargin()),
                "validation=" + validationKind, "recent=" + recent);
    }

    /** A short, stable digest of {@link #configurationKey}, as recorded with a selection. */
    public String configurationDigest(AlgorithmSpec fallback) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(configurationKey(fallback).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Fails with {@link com.beershop.reco.model.InvalidAlgorithmSpecException} when this build cannot train
     * {@code spec}: a recorded choice an upgrade no longer knows is selected again, not trained.
     */
    public void requireTrainable(AlgorithmSpec spec) {
        trainers.create(spec);
    }

    private static String skipReason(AlgorithmSpec spec, InteractionMatrix data, double cost, double left) {
        if (EaseTrainer.NAME.equals(spec.name())) {
            long n = data.numItems();
            long max = Runtime.getRuntime().maxMemory();
            // the Gram matrix in doubles plus the weights in floats, with room for the rest of the run; the
            // configured maximum, not the moment's free heap, so the answer does not depend on the collector
            if (12 * n * n > max / 3) {
                return String.format(Locale.ROOT, "%d items need %d MB for EASE, a third of the %d MB heap is %d MB",
                        n, 12 * n * n >> 20, max >> 20, max / 3 >> 20);
            }
        }
        if (cost > left) {
            return "needs " + units(cost) + " units, " + units(Math.max(0, left)) + " of the work budget left";
        }
        return null;
    }

    /** Work units as a short number: 3.20e+11. */
    static String units(double value) {
        return String.format(Locale.ROOT, "%.2e", value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
