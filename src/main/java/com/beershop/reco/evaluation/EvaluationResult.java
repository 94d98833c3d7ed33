package com.beershop.reco.evaluation;

/**
 * Mean top-N metrics over the evaluated users (those with at least one held-out item that could be recommended).
 *
 * @param params the trainer's effective parameters ({@code toString()} of our trainers)
 * @param coverage distinct recommended items over recommendable items, across all evaluated users
 * @param rmse over all held-out ratings; NaN unless the model predicts ratings
 * @param mae over all held-out ratings; NaN unless the model predicts ratings
 */
public record EvaluationResult(String algorithm, String params, int usersEvaluated,
                               double precision, double recall, double ndcg, double map, double coverage,
                               double rmse, double mae, double trainSeconds, double scoreSeconds) {
}
