package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;

/**
 * One candidate of a model selection and what happened to it.
 *
 * @param ndcg validation nDCG@N; NaN unless {@code status} is {@link Status#EVALUATED}
 * @param seconds wall time spent on it (training and scoring), 0 when it did not run
 * @param workUnits what it costs in the cost model's units, charged to the work budget when it runs (the configured
 *                  model, which always runs, excepted)
 * @param note why it was skipped or failed; empty otherwise
 */
public record CandidateScore(AlgorithmSpec spec, Status status, double ndcg, double seconds, double workUnits,
                             String note) {

    public enum Status {
        EVALUATED,
        /** Its cost did not fit what was left of the work budget, its memory the heap, or the wall limit was reached. */
        SKIPPED,
        FAILED
    }
}
