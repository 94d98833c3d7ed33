package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainerCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Trains the model that goes live: on all ratings by default, so the hold-out that measured it is not lost to
 * the published model; or on the evaluated training split when {@code reco.model.retrain-on-all=false}.
 */
class TrainModelTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TrainModelTasklet.class);

    private final TrainerCatalog trainers;
    private final AlgorithmSpec spec;
    private final long seed;
    private final boolean retrainOnAll;
    private final double holdoutFraction;
    private final RunState state;

    TrainModelTasklet(TrainerCatalog trainers, AlgorithmSpec spec, long seed, boolean retrainOnAll,
                      double holdoutFraction, RunState state) {
        this.trainers = trainers;
        this.spec = spec;
        this.seed = seed;
        this.retrainOnAll = retrainOnAll;
        this.holdoutFraction = holdoutFraction;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        TrainingData data = state.data();
        InteractionMatrix ratings = retrainOnAll ? data.ratings()
                : HoldoutSplit.perUser(data.ratings(), holdoutFraction, seed).train();
        long started = System.nanoTime();
        log.info("Training {} on {} ratings ({} users x {} products)", spec, ratings.numRatings(),
                ratings.numUsers(), ratings.numItems());
        state.model(trainers.create(spec).train(ratings, seed));
        contribution.incrementReadCount();
        log.info("Trained {} in {} s", spec, String.format("%.2f", (System.nanoTime() - started) / 1e9));
        return RepeatStatus.FINISHED;
    }
}
