package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.beershop.reco.evaluation.selection.CheapestWithinNoise.Scored;
import com.beershop.reco.evaluation.selection.CheapestWithinNoise.Shortfall;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheapestWithinNoiseTest {

    private static final double NaN = Double.NaN;

    @Test
    void shouldMeasureTheShortfallPairedOverTheUsersBothEvaluated() {
        // differences 0.1, 0.3 and (user 2 not evaluated by the candidate) none, then -0.1
        Shortfall shortfall = CheapestWithinNoise.shortfall(new double[] {0.5, 0.6, 0.9, 0.2},
                new double[] {0.4, 0.3, NaN, 0.3});

        assertThat(shortfall.users()).isEqualTo(3);
        assertThat(shortfall.shortfall()).isCloseTo(0.1, within(1e-12));
        // sample sd of (0.1, 0.3, -0.1) is 0.2; over the root of 3
        assertThat(shortfall.standardError()).isCloseTo(0.2 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void shouldChooseTheCheapestCandidateWithinOneStandardErrorOfTheBest() {
        // the best costs 100; a cheaper one wins on some users and loses on others (noise); the cheapest loses on all
        Scored cheapest = new Scored(0, 1, new double[] {0.1, 0.1, 0.1, 0.1});
        Scored noisy = new Scored(1, 10, new double[] {0.9, 0.1, 0.8, 0.2});
        Scored best = new Scored(2, 100, new double[] {0.5, 0.5, 0.5, 0.5});

        CheapestWithinNoise.Choice choice = new CheapestWithinNoise(1).choose(List.of(cheapest, noisy, best), best);

        assertThat(choice.chosen()).isSameAs(noisy);
        assertThat(choice.shortfall().shortfall()).isCloseTo(0, within(1e-12));
        assertThat(new CheapestWithinNoise(1).choose(List.of(cheapest, best), best).chosen())
                .as("a shortfall of 0.4 on every user is no noise").isSameAs(best);
    }

    @Test
    void shouldKeepTheBestWhenACheaperCandidateLosesALittleOnEveryUser() {
        // 0.01 short on each of 4 users: no spread, so no noise to hide in
        Scored best = new Scored(1, 100, new double[] {0.50, 0.40, 0.30, 0.20});
        Scored cheaper = new Scored(0, 1, new double[] {0.49, 0.39, 0.29, 0.19});

        assertThat(new CheapestWithinNoise(1).choose(List.of(cheaper, best), best).chosen()).isSameAs(best);
        assertThat(new CheapestWithinNoise(1e9).choose(List.of(cheaper, best), best).chosen())
                .as("no margin covers a shortfall without spread").isSameAs(best);
    }

    @Test
    void shouldWidenTheChoiceWithTheMarginAndKeepTheBestWithoutOne() {
        // differences 0.1, -0.05, 0.1, 0.05: mean 0.05, standard error about 0.035
        Scored best = new Scored(1, 100, new double[] {0.6, 0.4, 0.6, 0.5});
        Scored cheaper = new Scored(0, 1, new double[] {0.5, 0.45, 0.5, 0.45});

        assertThat(new CheapestWithinNoise(0).choose(List.of(cheaper, best), best).chosen()).isSameAs(best);
        assertThat(new CheapestWithinNoise(1).choose(List.of(cheaper, best), best).chosen()).isSameAs(best);
        assertThat(new CheapestWithinNoise(2).choose(List.of(cheaper, best), best).chosen()).isSameAs(cheaper);
    }

    @Test
    void shouldTakeTheEarlierOfTwoEquallyCheapCandidatesWithinNoise() {
        Scored best = new Scored(2, 100, new double[] {0.5, 0.5});
        Scored first = new Scored(0, 5, new double[] {0.5, 0.5});
        Scored second = new Scored(1, 5, new double[] {0.5, 0.5});

        assertThat(new CheapestWithinNoise(1).choose(List.of(first, second, best), best).chosen()).isSameAs(first);
    }

    @Test
    void shouldRefuseANegativeOrUnboundedMargin() {
        assertThatThrownBy(() -> new CheapestWithinNoise(-0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheapestWithinNoise(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheapestWithinNoise(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
