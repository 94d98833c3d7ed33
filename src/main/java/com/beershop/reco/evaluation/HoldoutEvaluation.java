package com.beershop.reco.evaluation;

/**
 * The configured model and the most-popular baseline, measured on the same per-user hold-out.
 *
 * @param baseline null when the configured model is most-popular itself
 */
public record HoldoutEvaluation(EvaluationResult model, EvaluationResult baseline) {

    /** Most-popular's nDCG on the same split, or NaN when there is no separate baseline. */
    public double baselineNdcg() {
        return baseline == null ? Double.NaN : baseline.ndcg();
    }
}
