package com.beershop.reco.evaluation;

import com.beershop.reco.evaluation.QualityGate.Decision;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QualityGateTest {

    private final QualityGate gate = new QualityGate(true, 0.05, true, 0.05);

    @Test
    void shouldPassAModelThatBeatsPopularityAndTheFloorOnFirstRun() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.30, 0.20, null), null, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
        assertThat(verdict.mayPublish()).isTrue();
    }

    @Test
    void shouldRefuseAModelThatOnlyTiesPopularity() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.20, 0.20, null), null, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.reason()).contains("does not beat most-popular");
    }

    @Test
    void shouldRefuseBelowTheAbsoluteFloorEvenWithoutABaseline() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.04, Double.NaN, null), null, Optional.empty());

        assertThat(verdict.mayPublish()).isFalse();
        assertThat(verdict.reason()).contains("below the floor 0.0500");
    }

    @Test
    void shouldRefuseAModelMoreThanTheAllowedShareBelowTheLastPublishedConfigurationOnTheSameSplit() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.37, 0.20, 0.40), 7L, Optional.empty()); // 7.5 % below

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.reason()).contains("more than 5% below the 0.4000 of the last published configuration (run 7)");
    }

    @Test
    void shouldAllowASmallDropAgainstTheLastPublishedConfiguration() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.385, 0.20, 0.40), 7L, Optional.empty()); // 3.75 % below

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldPassOnFloorAndBaselineAloneWhenNoLastPublishedConfigurationWasMeasuredTonight() {
        // a published run exists (7), but BaselineComparison measured nothing for it (the same model as tonight's, or
        // one this version cannot build: BaselineComparisonTest); last night's recorded nDCG is not compared
        QualityGate.Verdict verdict = gate.judge(evaluation(0.25, 0.20, null), 7L, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldPublishWithTheReasonRecordedWhenTheOverrideNamesTonightsData() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.10, 0.20, null), null,
                Optional.of("reco.gate.override=12 (data 500:abc)"));

        assertThat(verdict.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(verdict.mayPublish()).isTrue();
        assertThat(verdict.reason()).contains("reco.gate.override=12", "does not beat most-popular");
    }

    @Test
    void shouldSkipEverythingWhenDisabled() {
        QualityGate off = new QualityGate(false, 0.05, true, 0.05);

        assertThat(off.judge(evaluation(0.0, 0.5, null), null, Optional.empty()).decision()).isEqualTo(Decision.SKIPPED);
    }

    @Test
    void shouldPassAModelExactlyAtTheFloor() {
        QualityGate.Verdict verdict = gate.judge(evaluation(0.05, Double.NaN, null), null, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
        assertThat(verdict.reason()).isEqualTo("nDCG 0.0500 passed every check");
    }

    @Test
    void shouldRefuseAModelWhoseNdcgIsNotANumber() {
        QualityGate.Verdict verdict = gate.judge(evaluation(Double.NaN, Double.NaN, null), null, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.reason()).isEqualTo("nDCG NaN is below the floor 0.0500");
    }

    @Test
    void shouldNotRequireBeatingPopularityWhenConfiguredNotTo() {
        QualityGate lenient = new QualityGate(true, 0.05, false, 0.05);

        assertThat(lenient.judge(evaluation(0.10, 0.20, null), null, Optional.empty()).decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldAllowADropExactlyAtTheLimitAgainstTheLastPublishedConfiguration() {
        // 0.38 is exactly 5 % below 0.40
        QualityGate.Verdict verdict = gate.judge(evaluation(0.38, 0.20, 0.40), 7L, Optional.empty());

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldGiveEveryFailedCheckInTheReason() {
        QualityGate.Verdict verdict = new QualityGate(true, 0.25, true, 0.1).judge(evaluation(0.17, 0.2, 0.2), 3L,
                Optional.empty());

        assertThat(verdict.reason()).isEqualTo("nDCG 0.1700 is below the floor 0.2500; nDCG 0.1700 does not beat"
                + " most-popular's 0.2000 on the same split; nDCG 0.1700 is more than 10% below the 0.2000 of the last"
                + " published configuration (run 3) on the same split");
        assertThat(verdict.mayPublish()).isFalse();
    }

    private static HoldoutEvaluation evaluation(double ndcg, double popularity, Double lastPublished) {
        return new HoldoutEvaluation(result("ials", ndcg),
                Double.isNaN(popularity) ? null : result("most-popular", popularity),
                lastPublished == null ? null : result("ials", lastPublished));
    }

    private static EvaluationResult result(String algorithm, double ndcg) {
        return new EvaluationResult(algorithm, Map.of(), 100, 0, 0, ndcg, 0, 0, Double.NaN, Double.NaN, 0, 0);
    }
}
