package com.beershop.reco.evaluation;

import com.beershop.reco.model.TrainedModel;

/**
 * Tonight's model and what the gate compares it with, all measured on the same per-user hold-out.
 *
 * @param baseline the stronger of most-popular and trending (recent-popular); null when tonight's model is one of
 *                 them
 * @param lastPublished the last published configuration, trained again on tonight's split; null when there is none
 *                      or it is tonight's configuration (the same model: nothing to compare)
 * @param splitModel tonight's model as trained on the split's training part, for the final training to start
 *                   from; null when not kept
 */
public record HoldoutEvaluation(EvaluationResult model, EvaluationResult baseline, EvaluationResult lastPublished,
                                TrainedModel splitModel) {

    public HoldoutEvaluation(EvaluationResult model, EvaluationResult baseline, EvaluationResult lastPublished) {
        this(model, baseline, lastPublished, null);
    }

    /** Tonight's model alone (the evaluate mode's candidates). */
    public static HoldoutEvaluation of(EvaluationResult model) {
        return new HoldoutEvaluation(model, null, null);
    }

    /** The baseline's nDCG on the same split, or NaN when there is no separate baseline. */
    public double baselineNdcg() {
        return baseline == null ? Double.NaN : baseline.ndcg();
    }
}
