package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final int[] RANKED = {5, 3, 8, 1};
    private static final int[] RELEVANT = {3, 1, 9};

    @Test
    void shouldCountHitsOverNForPrecisionAndOverRelevantForRecall() {
        // given hits at ranks 2 (item 3) and 4 (item 1), three relevant items
        // then precision@4 = 2/4, recall@4 = 2/3
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 4)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 4)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void shouldDiscountHitsByLogRankAndNormaliseByIdealList() {
        // DCG  = 1/log2(2+1) + 1/log2(4+1) = 0.6309298 + 0.4306766 = 1.0616063
        // IDCG = min(3, 4) = 3 hits on top: 1 + 0.6309298 + 0.5 = 2.1309298
        // nDCG = 1.0616063 / 2.1309298 = 0.4981893
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 4)).isCloseTo(0.49818925746641285, within(1e-12));
    }

    @Test
    void shouldAverageThePrecisionAtEachHitOverMinOfRelevantAndN() {
        // hits at ranks 2 and 4: precision@2 = 1/2, precision@4 = 2/4; (0.5 + 0.5) / min(3, 4) = 1/3
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 4)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void shouldOnlyLookAtTheFirstNItems() {
        // given N = 2: the list is [5, 3], one hit at rank 2
        // precision 1/2; recall 1/3; nDCG = (1/log2 3) / (1 + 1/log2 3) = 0.6309298 / 1.6309298 = 0.3868528;
        // AP = (1/2) / min(3, 2) = 0.25
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 2)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 2)).isCloseTo(0.38685280723454163, within(1e-12));
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 2)).isEqualTo(0.25);
    }

    @Test
    void shouldNotRewardAListShorterThanNInPrecision() {
        // given one recommendation, which is the only relevant item, and N = 10
        int[] ranked = {3};
        int[] relevant = {3};
        // then precision = 1/10 while recall, nDCG and AP are perfect
        assertThat(RankingMetrics.precision(ranked, relevant, 10)).isEqualTo(0.1);
        assertThat(RankingMetrics.recall(ranked, relevant, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(ranked, relevant, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.averagePrecision(ranked, relevant, 10)).isEqualTo(1.0);
    }

    @Test
    void shouldScoreZeroWhenNothingIsRelevant() {
        int[] none = {};
        assertThat(RankingMetrics.recall(RANKED, none, 4)).isZero();
        assertThat(RankingMetrics.ndcg(RANKED, none, 4)).isZero();
        assertThat(RankingMetrics.averagePrecision(RANKED, none, 4)).isZero();
    }

    @Test
    void shouldMeasureCoverageAsDistinctRecommendedOverRecommendable() {
        // given items 1, 3 and 5 recommended to someone, out of 10 recommendable: 3/10
        BitSet recommended = new BitSet();
        recommended.set(1);
        recommended.set(3);
        recommended.set(5);
        assertThat(RankingMetrics.coverage(recommended, 10)).isEqualTo(0.3);
    }
}
