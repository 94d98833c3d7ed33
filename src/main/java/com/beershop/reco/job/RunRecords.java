package com.beershop.reco.job;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.tracking.RunRecord;

import java.time.LocalDateTime;
import java.util.TreeMap;

/** Fills the parts of a run-history row that the nightly run and the evaluate mode share. */
final class RunRecords {

    private RunRecords() {
    }

    static RunRecord start(Long jobExecutionId, String mode, LocalDateTime startedAt, String appVersion,
                           AlgorithmSpec spec, long seed, int topN) {
        RunRecord r = new RunRecord();
        r.jobExecutionId = jobExecutionId;
        r.runMode = mode;
        r.startedAt = startedAt;
        r.appVersion = appVersion;
        r.algorithm = spec.name();
        r.params = new TreeMap<>(spec.params()).toString();
        r.seed = seed;
        r.topN = topN;
        return r;
    }

    /** What the run read and kept: counts, rejections by reason, the data fingerprint. */
    static void input(RunRecord r, RunState state) {
        r.ratingsRead = state.ratings().acceptedCount() + state.ratings().rejectedCount();
        r.ratingsRejected = state.ratings().rejectedCount();
        r.rejectedByReason = new TreeMap<>(state.ratings().rejectedByReason()).toString();
        r.dataFingerprint = state.ratings().fingerprint();
        if (state.hasData()) {
            r.duplicateRatings = (long) state.ratings().duplicates();
            r.ratingsUsed = (long) state.data().ratings().numRatings();
            r.users = state.data().users().size();
            r.products = state.data().products().size();
            r.unrecommendableRatings = CheckInputTasklet.unrecommendableRatings(state.data());
        }
    }

    /** Hold-out metrics, and every effective hyperparameter (defaults included) as the trainer reports them. */
    static void evaluation(RunRecord r, EvaluationResult evaluation) {
        r.params = "{" + evaluation.params() + "}";
        r.usersEvaluated = evaluation.usersEvaluated();
        r.precisionAtN = evaluation.precision();
        r.recallAtN = evaluation.recall();
        r.ndcgAtN = evaluation.ndcg();
        r.mapAtN = evaluation.map();
        r.coverage = evaluation.coverage();
        r.rmse = evaluation.rmse();
        r.mae = evaluation.mae();
        r.trainSeconds = evaluation.trainSeconds();
        r.scoreSeconds = evaluation.scoreSeconds();
    }
}
