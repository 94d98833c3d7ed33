package com.beershop.reco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import org.junit.jupiter.api.Test;

class RecencyDecayTest {

    private static final long DAY = 24L * 3600 * 1000;
    private static final int MINUTES_PER_DAY = 24 * 60;

    private static InteractionMatrix ratedOnDays(long... days) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int k = 0; k < days.length; k++) {
            builder.add(0, k, 1f, days[k] == Long.MIN_VALUE ? Long.MIN_VALUE : days[k] * DAY);
        }
        return builder.build(1, days.length);
    }

    @Test
    void shouldHalveTheWeightEveryHalfLifeBeforeTheLatestRating() {
        RecencyDecay decay = RecencyDecay.of(ratedOnDays(0, 10, 24), 7);

        assertThat(decay.at(24 * MINUTES_PER_DAY)).isEqualTo(1f);
        assertThat(decay.at(17 * MINUTES_PER_DAY)).isCloseTo(0.5f, within(1e-6f));
        assertThat(decay.at(10 * MINUTES_PER_DAY)).isCloseTo(0.25f, within(1e-6f));
        // unknown time: as old as the earliest known rating (day 0)
        assertThat(decay.at(InteractionMatrix.UNKNOWN_TIME)).isCloseTo(decay.at(0), within(1e-9f));
    }

    @Test
    void shouldTellWhetherARatingLiesWithinDaysOfTheLatest() {
        RecencyDecay decay = RecencyDecay.of(ratedOnDays(0, 10, 24), 7);

        assertThat(decay.within(24 * MINUTES_PER_DAY, 1)).isTrue();
        assertThat(decay.within(10 * MINUTES_PER_DAY, 14)).isFalse();
        assertThat(decay.within(11 * MINUTES_PER_DAY, 14)).isTrue();
        assertThat(RecencyDecay.of(ratedOnDays(Long.MIN_VALUE), 7).within(InteractionMatrix.UNKNOWN_TIME, 1)).isTrue();
    }

    @Test
    void shouldWeighEveryRatingAlikeWithoutAHalfLifeOrWithoutTimes() {
        assertThat(RecencyDecay.of(ratedOnDays(0, 24), 0).at(0)).isEqualTo(1f);
        assertThat(RecencyDecay.of(ratedOnDays(Long.MIN_VALUE, Long.MIN_VALUE), 7).at(InteractionMatrix.UNKNOWN_TIME))
                .isEqualTo(1f);
    }

    @Test
    void shouldRecordTheRecencyHalfLifeOnlyWhenItIsOn() {
        assertThat(ImplicitAlsTrainer.fromSpec(AlgorithmSpec.parse("ials:recency-half-life=30")).effectiveParams())
                .containsEntry("recency-half-life", 30.0);
        assertThat(ImplicitAlsTrainer.fromSpec(AlgorithmSpec.parse("ials")).effectiveParams())
                .doesNotContainKey("recency-half-life");
    }
}
