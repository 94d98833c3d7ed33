package com.beershop.reco.evaluation;

import com.beershop.reco.evaluation.QualityGate.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualityGateTest {

    private final QualityGate gate = new QualityGate(true, 0.05, true, 0.05, 0.10, false);

    @Test
    void shouldPassAModelThatBeatsPopularityAndTheFloorOnFirstRun() {
        QualityGate.Verdict verdict = gate.judge(0.30, 0.20, 10_000, null);

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
        assertThat(verdict.mayPublish()).isTrue();
    }

    @Test
    void shouldRefuseAModelThatOnlyTiesPopularity() {
        QualityGate.Verdict verdict = gate.judge(0.20, 0.20, 10_000, null);

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.reason()).contains("does not beat most-popular");
    }

    @Test
    void shouldRefuseBelowTheAbsoluteFloorEvenWithoutABaseline() {
        QualityGate.Verdict verdict = gate.judge(0.04, Double.NaN, 10_000, null);

        assertThat(verdict.mayPublish()).isFalse();
        assertThat(verdict.reason()).contains("below the floor 0.0500");
    }

    @Test
    void shouldRefuseADropOfMoreThanTheAllowedShareWhenDataChangedLittle() {
        PublishedReference last = published(0.40, 10_000);

        QualityGate.Verdict verdict = gate.judge(0.37, 0.20, 10_500, last);  // 7.5 % drop, data +5 %

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.reason()).contains("dropped more than 5%");
    }

    @Test
    void shouldAllowASmallDropAgainstTheLastPublishedRun() {
        QualityGate.Verdict verdict = gate.judge(0.385, 0.20, 10_000, published(0.40, 10_000)); // 3.75 % drop

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldIgnoreTheLastRunWhenTheDataChangedALot() {
        QualityGate.Verdict verdict = gate.judge(0.30, 0.20, 20_000, published(0.40, 10_000)); // data doubled

        assertThat(verdict.decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void shouldPublishWithTheReasonRecordedWhenForced() {
        QualityGate forced = new QualityGate(true, 0.05, true, 0.05, 0.10, true);

        QualityGate.Verdict verdict = forced.judge(0.10, 0.20, 10_000, null);

        assertThat(verdict.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(verdict.mayPublish()).isTrue();
        assertThat(verdict.reason()).contains("force-publish", "does not beat most-popular");
    }

    @Test
    void shouldSkipEverythingWhenDisabled() {
        QualityGate off = new QualityGate(false, 0.05, true, 0.05, 0.10, false);

        assertThat(off.judge(0.0, 0.5, 10, null).decision()).isEqualTo(Decision.SKIPPED);
    }

    private static PublishedReference published(double ndcg, long ratings) {
        return new PublishedReference(7L, ndcg, ratings);
    }
}
