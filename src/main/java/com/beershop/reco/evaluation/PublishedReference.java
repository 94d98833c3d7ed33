package com.beershop.reco.evaluation;

/** What the gate compares tonight's run with: the last run that published, as the run history recorded it. */
public record PublishedReference(long jobExecutionId, double ndcg, long ratingsUsed) {
}
