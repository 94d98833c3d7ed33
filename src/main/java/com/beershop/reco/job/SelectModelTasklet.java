package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.evaluation.selection.RecordedSelection;
import com.beershop.reco.evaluation.selection.SelectionResult;
import com.beershop.reco.evaluation.selection.SelectionSchedule;
import com.beershop.reco.evaluation.selection.SelectionTable;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.tracking.ModelSelectionRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.SelectionRecordRepository;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Chooses tonight's model before the quality gate. A scheduled run ({@code run}) reuses the latest recorded
 * selection while {@link SelectionSchedule} says it still fits, and selects otherwise; {@code select} always
 * selects and records; {@code evaluate} always selects and records only its candidates. The selection sees only
 * the training part of the gate's split (the same split the gate then judges on), and every candidate goes into
 * {@code reco_model_selection} at once, so a run that fails later still shows what was tried. With selection off,
 * the configured model is the choice.
 */
class SelectModelTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SelectModelTasklet.class);

    /** When the tasklet selects, and whether later runs may reuse what it chose. */
    enum Policy {
        /** The nightly run: on the schedule, or when {@code reco.selection.force} asks; recorded. */
        SCHEDULED,
        /** The {@code select} mode: always, recorded. */
        ALWAYS,
        /** {@code evaluate}: always, to show the search; not recorded for reuse. */
        ALWAYS_UNRECORDED
    }

    /** What selecting needs besides the selector: the schedule, the tables, and whether the run asks to select. */
    record Records(SelectionSchedule schedule, boolean forced, ModelSelectionRepository candidates,
                   SelectionRecordRepository selections, RunHistoryRepository history) {
    }

    private final ModelSelector selector;
    private final RunMode runMode;
    private final Policy policy;
    private final AlgorithmSpec configured;
    private final HoldoutProtocol protocol;
    private final Records records;
    private final StageResult<CheckedInput> input;
    private final StageResult<ModelChoice> choice;

    /**
     * @param selector null when selection is switched off
     * @param runMode the mode recorded with each candidate and selection
     */
    SelectModelTasklet(ModelSelector selector, RunMode runMode, Policy policy, AlgorithmSpec configured,
                       HoldoutProtocol protocol, Records records, StageResult<CheckedInput> input,
                       StageResult<ModelChoice> choice) {
        this.selector = selector;
        this.runMode = runMode;
        this.policy = policy;
        this.configured = configured;
        this.protocol = protocol;
        this.records = records;
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
        InteractionMatrix ratings = loaded.data().ratings();
        RecordedSelection.DataShape shape = new RecordedSelection.DataShape(ratings.numRatings(),
                ratings.numUsers(), ratings.numItems());
        String key = selector.configurationDigest(configured);
        Instant now = Instant.now();
        SelectionSchedule.Decision decision = switch (policy) {
            case SCHEDULED -> {
                Optional<RecordedSelection> latest = records.selections().latest();
                boolean refused = latest.isPresent() && gateRefusedLastNightWith(latest.get());
                yield records.schedule().decide(latest, now, shape, key, records.forced(), refused);
            }
            case ALWAYS -> SelectionSchedule.Decision.select("the select mode");
            case ALWAYS_UNRECORDED -> SelectionSchedule.Decision.select("evaluate");
        };
        if (!decision.select()) {
            RecordedSelection recorded = decision.reuse().orElseThrow();
            Optional<String> invalid = untrainable(recorded.chosen());
            if (invalid.isEmpty()) {
                log.info("Model selection: {}; the run uses {}", decision.reason(), recorded.chosen());
                choice.set(ModelChoice.reused(recorded, decision.reason()));
                return RepeatStatus.FINISHED;
            }
            decision = SelectionSchedule.Decision.select("the recorded choice " + recorded.chosen()
                    + " cannot be trained any more (" + invalid.get() + ")");
        }
        log.info("Model selection runs tonight: {}", decision.reason());
        // the very split BaselineComparison makes for the gate: same protocol, same ratings
        HoldoutSplit gate = protocol.split(ratings);
        SelectionResult result = selector.select(gate, loaded.data(), configured);
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        // the rehearsal runs the nightly job's own steps: its selection is recorded as the rehearsal's
        RunMode mode = RehearsalJobConfiguration.JOB_NAME.equals(chunkContext.getStepContext().getJobName())
                ? RunMode.REHEARSE : runMode;
        records.candidates().insert(executionId, mode, result);
        Long id = policy == Policy.ALWAYS_UNRECORDED ? null : records.selections().insert(executionId, mode, now,
                decision.reason(), loaded.read().fingerprint(), shape, key, result);
        log.info("{}", SelectionTable.render(result, protocol.topN()));
        choice.set(ModelChoice.selected(result, id, decision.reason()));
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.candidates().size());
        return RepeatStatus.FINISHED;
    }

    /** Whether the latest nightly run trained {@code recorded}'s choice and the quality gate refused it. */
    private boolean gateRefusedLastNightWith(RecordedSelection recorded) {
        return records.history().lastNightly()
                .filter(run -> Long.valueOf(recorded.id()).equals(run.selectionId()))
                .filter(run -> QualityGate.Decision.REFUSED.name().equals(run.gateVerdict()))
                .isPresent();
    }

    private Optional<String> untrainable(AlgorithmSpec spec) {
        try {
            selector.requireTrainable(spec);
            return Optional.empty();
        } catch (InvalidAlgorithmSpecException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
