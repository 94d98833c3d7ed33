package com.beershop.reco.job;

import com.beershop.reco.RunRefusedException;
import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.tracking.QualityGate;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Lets the run go on to publish only if its hold-out quality passes the gate. */
class QualityGateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(QualityGateTasklet.class);

    private final QualityGate gate;
    private final RunHistoryRepository history;
    private final RunState state;

    QualityGateTasklet(QualityGate gate, RunHistoryRepository history, RunState state) {
        this.gate = gate;
        this.history = history;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        EvaluationResult result = state.evaluation();
        double baseline = state.baseline() == null ? Double.NaN : state.baseline().ndcg();
        RunRecord last = history.lastPublished().orElse(null);
        QualityGate.Verdict verdict = gate.judge(result.ndcg(), baseline, state.data().ratings().numRatings(), last);
        state.verdict(verdict);
        log.info("Quality gate: {} ({})", verdict.decision(), verdict.reason());
        if (!verdict.mayPublish()) {
            throw RunRefusedException.qualityRefused("quality gate refused the model: " + verdict.reason());
        }
        return RepeatStatus.FINISHED;
    }
}
