package com.beershop.reco.evaluation;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Measures the configured model on a per-user hold-out (fixed seed), and most-popular on the very same split as
 * the baseline the quality gate compares with. Both are judged on the lists publishing would produce.
 */
public final class BaselineComparison {

    private static final Logger log = LoggerFactory.getLogger(BaselineComparison.class);

    private final TrainerCatalog trainers;
    private final double holdoutFraction;
    private final long seed;
    private final int topN;
    private final int minUserRatings;

    public BaselineComparison(TrainerCatalog trainers, double holdoutFraction, long seed, int topN,
                              int minUserRatings) {
        this.trainers = trainers;
        this.holdoutFraction = holdoutFraction;
        this.seed = seed;
        this.topN = topN;
        this.minUserRatings = minUserRatings;
    }

    /** @param recommendable items publishing may recommend (active products) */
    public HoldoutEvaluation evaluate(AlgorithmSpec spec, InteractionMatrix ratings, boolean[] recommendable) {
        HoldoutSplit split = HoldoutSplit.perUser(ratings, holdoutFraction, seed);
        OfflineEvaluator evaluator = new OfflineEvaluator(topN, recommendable, minUserRatings, trainers.workers());
        log.info("Evaluating {} on a {}% per-user hold-out ({} test ratings, seed {})", spec,
                Math.round(holdoutFraction * 100), split.numTestRatings(), seed);
        EvaluationResult model = evaluator.evaluate(trainers.create(spec), split);
        log.info("Hold-out quality of {}: {}", spec, model);
        EvaluationResult baseline = null;
        if (!MostPopularTrainer.NAME.equals(spec.name())) {
            baseline = evaluator.evaluate(trainers.create(AlgorithmSpec.of(MostPopularTrainer.NAME, Map.of())), split);
            log.info("Hold-out quality of the most-popular baseline: {}", baseline);
        }
        return new HoldoutEvaluation(model, baseline);
    }
}
