package com.beershop.reco.job;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.Map;

/**
 * Measures the configured model on a per-user hold-out (fixed seed), and most-popular on the very same split as
 * the baseline the quality gate compares with.
 */
class EvaluateModelTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EvaluateModelTasklet.class);

    private final TrainerCatalog trainers;
    private final AlgorithmSpec spec;
    private final double holdoutFraction;
    private final long seed;
    private final int topN;
    private final RunState state;

    EvaluateModelTasklet(TrainerCatalog trainers, AlgorithmSpec spec, double holdoutFraction, long seed, int topN,
                         RunState state) {
        this.trainers = trainers;
        this.spec = spec;
        this.holdoutFraction = holdoutFraction;
        this.seed = seed;
        this.topN = topN;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        TrainingData data = state.data();
        HoldoutSplit split = HoldoutSplit.perUser(data.ratings(), holdoutFraction, seed);
        OfflineEvaluator evaluator = new OfflineEvaluator(topN, null);
        log.info("Evaluating {} on a {}% per-user hold-out ({} test ratings, seed {})", spec,
                Math.round(holdoutFraction * 100), split.numTestRatings(), seed);
        EvaluationResult result = evaluator.evaluate(trainers.create(spec), split);
        state.evaluation(result);
        log.info("Hold-out quality of {}: {}", spec, result);
        if (!MostPopularTrainer.NAME.equals(spec.name())) {
            EvaluationResult baseline = evaluator.evaluate(
                    trainers.create(AlgorithmSpec.of(MostPopularTrainer.NAME, Map.of())), split);
            state.baseline(baseline);
            log.info("Hold-out quality of the most-popular baseline: {}", baseline);
        }
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
