package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatingErrorMetricsTest {

    @Test
    void shouldComputeRmseAndMaeFromPairedErrors() {
        // given errors 3-4 = -1, 4-4 = 0, 5-3 = 2
        float[] predicted = {3, 4, 5};
        float[] actual = {4, 4, 3};
        // then RMSE = sqrt((1 + 0 + 4) / 3) = sqrt(5/3) = 1.2909944; MAE = (1 + 0 + 2) / 3 = 1
        assertThat(RatingErrorMetrics.rmse(predicted, actual)).isCloseTo(1.2909944487358056, within(1e-9));
        assertThat(RatingErrorMetrics.mae(predicted, actual)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldBeNaNWithoutRatingsAndRejectUnpairedArrays() {
        assertThat(RatingErrorMetrics.rmse(new float[0], new float[0])).isNaN();
        assertThatThrownBy(() -> RatingErrorMetrics.mae(new float[1], new float[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
