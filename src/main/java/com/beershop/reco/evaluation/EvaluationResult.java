package com.beershop.reco.evaluation;

import java.util.Map;

/**
 * Mean top-N metrics over the evaluated users (those with at least one held-out item that could be recommended).
 *
 * @param params the trainer's effective parameters ({@code Trainer.effectiveParams()})
 * @param coverage distinct recommended items over recommendable items, across all evaluated users
 * @param rmse over all held-out ratings; NaN unless the model predicts ratings
 * @param mae over all held-out ratings; NaN unless the model predicts ratings
 */
public record EvaluationResult(String algorithm, Map<String, Object> params, int usersEvaluated,
                               double precision, double recall, double ndcg, double map, double coverage,
                               double rmse, double mae, double trainSeconds, double scoreSeconds) {
}
