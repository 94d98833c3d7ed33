package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.evaluation.selection.SelectionResult;
import com.beershop.reco.evaluation.selection.SelectionTable;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.tracking.ModelSelectionRepository;
import com.beershop.reco.tracking.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Chooses tonight's model before the quality gate: the selection sees only the training part of the gate's split
 * (the same split the gate then judges on), and every candidate goes into {@code reco_model_selection} at once,
 * so a run that fails later still shows what was tried. With selection off, the configured model is the choice.
 */
class SelectModelTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SelectModelTasklet.class);

    private final ModelSelector selector;
    private final RunMode runMode;
    private final AlgorithmSpec configured;
    private final HoldoutProtocol protocol;
    private final ModelSelectionRepository selections;
    private final StageResult<CheckedInput> input;
    private final StageResult<ModelChoice> choice;

    /**
     * @param selector null when selection is switched off
     * @param runMode {@code RUN} or {@code EVALUATE}, as recorded with each candidate
     */
    SelectModelTasklet(ModelSelector selector, RunMode runMode, AlgorithmSpec configured, HoldoutProtocol protocol,
                       ModelSelectionRepository selections, StageResult<CheckedInput> input,
                       StageResult<ModelChoice> choice) {
        this.selector = selector;
        this.runMode = runMode;
        this.configured = configured;
        this.protocol = protocol;
        this.selections = selections;
        this.input = input;
        this.choice = choice;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (selector == null) {
            log.info("Model selection is off (reco.selection.enabled=false): the run uses {}", configured);
            choice.set(ModelChoice.configured(configured));
            return RepeatStatus.FINISHED;
        }
        CheckedInput loaded = input.get();
        // the very split BaselineComparison makes for the gate: same protocol, same ratings
        HoldoutSplit gate = protocol.split(loaded.data().ratings());
        SelectionResult result = selector.select(gate, loaded.data(), configured);
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        selections.insert(executionId, runMode, result);
        log.info("{}", SelectionTable.render(result, protocol.topN()));
        choice.set(ModelChoice.selected(result));
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.candidates().size());
        return RepeatStatus.FINISHED;
    }
}
