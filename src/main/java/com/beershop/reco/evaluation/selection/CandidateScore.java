package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;

/**
 * One candidate of a model selection and what happened to it.
 *
 * @param ndcg validation nDCG@N; NaN unless {@code status} is {@link Status#EVALUATED}
 * @param seconds wall time spent on it (training and scoring), 0 when it did not run
 * @param note why it was skipped or failed; empty otherwise
 */
public record CandidateScore(AlgorithmSpec spec, Status status, double ndcg, double seconds, String note) {

    public enum Status {
        EVALUATED,
        /** Its estimated cost did not fit what was left of the time budget, or its memory the heap. */
        SKIPPED,
        FAILED
    }
}
