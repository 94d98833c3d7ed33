package com.beershop.reco.evaluation;

/** The hold-out evaluation of tonight's model and what the quality gate concluded from it. */
public record ModelCheck(HoldoutEvaluation evaluation, QualityGate.Verdict verdict) {
}
