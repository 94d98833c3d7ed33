package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.ModelCheck;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.rollout.RolloutArms;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Lets the run go on to publish only if its hold-out quality passes the gate (or a one-shot override names it). */
class QualityGateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(QualityGateTasklet.class);

    private final QualityGate gate;
    private final RunHistoryRepository history;
    private final GateOverride override;
    private final StageResult<CheckedInput> input;
    private final StageResult<HoldoutEvaluation> evaluation;
    private final StageResult<ModelCheck> check;
    private final RolloutArms arms;

    QualityGateTasklet(QualityGate gate, RunHistoryRepository history, GateOverride override,
                       StageResult<CheckedInput> input, StageResult<HoldoutEvaluation> evaluation,
                       StageResult<ModelCheck> check, RolloutArms arms) {
        this.arms = arms;
        this.gate = gate;
        this.history = history;
        this.override = override;
        this.input = input;
        this.evaluation = evaluation;
        this.check = check;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        HoldoutEvaluation measured = evaluation.get();
        Long lastRun = history.lastPublished().map(RunRecord::jobExecutionId).orElse(null);
        QualityGate.Verdict verdict = gate.judge(measured, lastRun,
                override.appliesTo(input.get().read().fingerprint()).map(GateOverride.Applied::description));
        check.set(new ModelCheck(measured, verdict));
        log.info("Quality gate: {} ({})", verdict.decision(), verdict.reason());
        if (!verdict.mayPublish() && arms.share() == 0) {
            // the gate judges the model arm; with share 0 there is none, and the run only puts generation 0 back
            log.warn("The gate refused the model, but reco.publish.rollout-share=0: no model list goes live");
        } else if (!verdict.mayPublish()) {
            throw RunRefusedException.qualityRefused("quality gate refused the model: " + verdict.reason()
                    + ". To publish this data anyway, once: reco.gate.override=" + input.get().read().fingerprint());
        }
        return RepeatStatus.FINISHED;
    }
}
