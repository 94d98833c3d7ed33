package com.beershop.reco.evaluation;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import com.beershop.reco.scoring.ScoringInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Measures the configured model on a per-user hold-out (fixed seed), and on the very same split what the quality
 * gate compares it with: most-popular, and the last published configuration when it differs from tonight's.
 * All are judged on the lists publishing would produce.
 */
public final class BaselineComparison {

    private static final Logger log = LoggerFactory.getLogger(BaselineComparison.class);

    private final TrainerCatalog trainers;
    private final HoldoutProtocol protocol;

    public BaselineComparison(TrainerCatalog trainers, HoldoutProtocol protocol) {
        this.trainers = trainers;
        this.protocol = protocol;
    }

    /**
     * @param input the ratings to split, the items publishing may recommend and their styles
     * @param lastPublished the configuration of the last published run, or null
     */
    public HoldoutEvaluation evaluate(AlgorithmSpec spec, ScoringInput input, AlgorithmSpec lastPublished) {
        HoldoutSplit split = protocol.split(input.ratings());
        OfflineEvaluator evaluator = protocol.evaluator(input, trainers.workers());
        log.info("Evaluating {} on a {} ({} test ratings, seed {})", spec, protocol.describe(),
                split.numTestRatings(), protocol.seed());
        OfflineEvaluator.Evaluated tonight = evaluator.evaluateTrained(trainers.create(spec), split);
        EvaluationResult model = tonight.result();
        log.info("Hold-out quality of {}: {}", spec, model);
        EvaluationResult baseline = null;
        if (!MostPopularTrainer.NAME.equals(spec.name())) {
            baseline = evaluator.evaluate(trainers.create(AlgorithmSpec.of(MostPopularTrainer.NAME, Map.of())), split);
            log.info("Hold-out quality of the most-popular baseline: {}", baseline);
        }
        Trainer previousTrainer = previousTrainer(spec, lastPublished);
        EvaluationResult previous = null;
        if (previousTrainer != null) {
            previous = evaluator.evaluate(previousTrainer, split);
            log.info("Hold-out quality of the last published configuration {}: {}", lastPublished, previous);
        }
        return new HoldoutEvaluation(model, baseline, previous, tonight.model());
    }

    /**
     * The trainer of the last published configuration, or null when there is none, when it is tonight's (same
     * algorithm, same effective parameters: the same model on the same split) or when this version can no longer
     * build it (a renamed parameter): then the gate has nothing to compare with, and says so in the log.
     */
    private Trainer previousTrainer(AlgorithmSpec tonight, AlgorithmSpec published) {
        if (published == null) {
            return null;
        }
        try {
            Trainer previous = trainers.create(published);
            boolean same = tonight.name().equals(published.name())
                    && trainers.create(tonight).effectiveParams().equals(previous.effectiveParams());
            return same ? null : previous;
        } catch (InvalidAlgorithmSpecException e) {
            log.warn("The last published configuration {} cannot be built by this version ({}): the gate compares"
                    + " with most-popular and the floor only", published, e.getMessage());
            return null;
        }
    }
}
