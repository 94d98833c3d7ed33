package com.beershop.reco.online;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WilsonTest {

    @Test
    void shouldMatchThePublishedWilsonIntervals() {
        // Newcombe (1998), Statistics in Medicine 17, table I: 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605
        Wilson.Interval a = Wilson.of(81, 263);
        Wilson.Interval b = Wilson.of(15, 148);
        assertThat(a.low()).isCloseTo(0.2553, within(1e-4));
        assertThat(a.high()).isCloseTo(0.3662, within(1e-4));
        assertThat(b.low()).isCloseTo(0.0624, within(1e-4));
        assertThat(b.high()).isCloseTo(0.1605, within(1e-4));
    }

    @Test
    void shouldStayInsideZeroToOneAtTheEdgesAndBeUndefinedWithoutTrials() {
        assertThat(Wilson.of(0, 10).low()).isZero();
        assertThat(Wilson.of(0, 10).high()).isCloseTo(0.2775, within(1e-4));
        assertThat(Wilson.of(10, 10).high()).isEqualTo(1.0);
        assertThat(Wilson.of(0, 0)).isNull();
    }

    @Test
    void shouldGiveAWiderIntervalToASmallerArmWithTheSameRate() {
        Wilson.Interval small = Wilson.of(5, 20);
        Wilson.Interval large = Wilson.of(500, 2000);
        assertThat(small.high() - small.low()).isGreaterThan(5 * (large.high() - large.low()));
    }
}
