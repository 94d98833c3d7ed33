package com.beershop.reco.evaluation;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import com.beershop.reco.model.popularity.RecentPopularTrainer;
import com.beershop.reco.scoring.ScoringInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Measures the configured model on the run's hold-out (fixed seed), and on the very same split what the quality
 * gate compares it with: the stronger of most-popular and trending (recent-popular), and the last published
 * configuration when it differs from tonight's.
 * All are judged on the lists publishing would produce.
 */
public final class BaselineComparison {

    private static final Logger log = LoggerFactory.getLogger(BaselineComparison.class);

    private static final Set<String> BASELINES = Set.of(MostPopularTrainer.NAME, RecentPopularTrainer.NAME);

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
        EvaluationResult baseline = strongerBaseline(spec, evaluator, split);
        Trainer previousTrainer = previousTrainer(spec, lastPublished);
        EvaluationResult previous = null;
        if (previousTrainer != null) {
            previous = evaluator.evaluate(previousTrainer, split);
            log.info("Hold-out quality of the last published configuration {}: {}", lastPublished, previous);
        }
        return new HoldoutEvaluation(model, baseline, previous, tonight.model());
    }

    /**
     * The stronger of most-popular and trending (recent-popular, when the ratings carry times) on this split, or null
     * when tonight's model is one of them: the popularity rankings are the baselines, not judged against each other.
     */
    private EvaluationResult strongerBaseline(AlgorithmSpec spec, OfflineEvaluator evaluator, HoldoutSplit split) {
        if (BASELINES.contains(spec.name())) {
            return null;
        }
        EvaluationResult popular = evaluator.evaluate(trainers.create(AlgorithmSpec.of(MostPopularTrainer.NAME,
                Map.of())), split);
        log.info("Hold-out quality of the most-popular baseline: {}", popular);
        if (!split.train().hasTimes()) {
            return popular;
        }
        EvaluationResult trending = evaluator.evaluate(trainers.create(AlgorithmSpec.of(RecentPopularTrainer.NAME,
                Map.of())), split);
        log.info("Hold-out quality of the trending baseline: {}", trending);
        return trending.ndcg() > popular.ndcg() ? trending : popular;
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
