package com.beershop.reco.job;

import com.beershop.reco.evaluation.BaselineComparison;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Measures tonight's model (the configured one, or the model selection's choice), most-popular and the last
 * published configuration on the same hold-out, on the lists publishing would produce.
 */
class EvaluateModelTasklet implements Tasklet {

    private final BaselineComparison comparison;
    private final StageResult<ModelChoice> choice;
    private final RunHistoryRepository history;
    private final StageResult<CheckedInput> input;
    private final StageResult<HoldoutEvaluation> evaluation;

    EvaluateModelTasklet(BaselineComparison comparison, StageResult<ModelChoice> choice, RunHistoryRepository history,
                         StageResult<CheckedInput> input, StageResult<HoldoutEvaluation> evaluation) {
        this.comparison = comparison;
        this.choice = choice;
        this.history = history;
        this.input = input;
        this.evaluation = evaluation;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CheckedInput loaded = input.get();
        AlgorithmSpec lastPublished = history.lastPublished().map(RunRecord::spec).orElse(null);
        evaluation.set(comparison.evaluate(choice.get().spec(), loaded.data(), lastPublished));
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
