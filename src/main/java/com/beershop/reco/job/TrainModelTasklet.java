package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.TrainerCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.Locale;

/**
 * Trains the model that goes live: on all ratings by default, so the hold-out that measured it is not lost to
 * the published model; or on the evaluated training split when {@code reco.model.retrain-on-all=false}.
 */
class TrainModelTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TrainModelTasklet.class);

    private final TrainerCatalog trainers;
    private final StageResult<ModelChoice> choice;
    private final long seed;
    private final boolean retrainOnAll;
    private final HoldoutProtocol protocol;
    private final StageResult<CheckedInput> input;
    private final StageResult<HoldoutEvaluation> evaluation;
    private final StageResult<TrainedModel> model;

    TrainModelTasklet(TrainerCatalog trainers, StageResult<ModelChoice> choice, long seed, boolean retrainOnAll,
                      HoldoutProtocol protocol, StageResult<CheckedInput> input,
                      StageResult<HoldoutEvaluation> evaluation, StageResult<TrainedModel> model) {
        this.trainers = trainers;
        this.choice = choice;
        this.seed = seed;
        this.retrainOnAll = retrainOnAll;
        this.protocol = protocol;
        this.input = input;
        this.evaluation = evaluation;
        this.model = model;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        InteractionMatrix all = input.get().data().ratings();
        InteractionMatrix ratings = retrainOnAll ? all : protocol.split(all).train();
        AlgorithmSpec spec = choice.get().spec();
        long started = System.nanoTime();
        log.info("Training {} on {} ratings ({} users x {} products)", spec, ratings.numRatings(),
                ratings.numUsers(), ratings.numItems());
        // all ratings: start from the hold-out's model of the same configuration, when the trainer can
        HoldoutEvaluation measured = retrainOnAll ? evaluation.orNull() : null;
        TrainedModel start = measured == null ? null : measured.splitModel();
        model.set(start == null ? trainers.create(spec).train(ratings, seed)
                : trainers.create(spec).trainFrom(ratings, seed, start));
        contribution.incrementReadCount();
        log.info("Trained {} in {} s", spec, String.format(Locale.ROOT, "%.2f", (System.nanoTime() - started) / 1e9));
        return RepeatStatus.FINISHED;
    }
}
