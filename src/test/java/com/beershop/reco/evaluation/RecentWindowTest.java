package com.beershop.reco.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import org.junit.jupiter.api.Test;

class RecentWindowTest {

    private static final long DAY = 24L * 3600 * 1000;
    private static final int MINUTES_PER_DAY = 24 * 60;

    /** The shop's first day, far from the epoch so that a cut is measured from the latest rating, not from 0. */
    private static final int FIRST_DAY = 20_000;

    /** One rating a day for {@code days} days from {@link #FIRST_DAY}, user by user in turn. */
    private static InteractionMatrix daily(int days) {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int day = 0; day < days; day++) {
            builder.add(day % 10, day, 1f, (FIRST_DAY + day) * DAY);
        }
        return builder.build(10, days);
    }

    @Test
    void shouldCutAtTheWindowBeforeTheLatestRating() {
        RecentWindow.Cut cut = new RecentWindow(28, 0.1).cut(daily(365)).orElseThrow();

        // the latest rating is on day 364: the ratings of days 337..364 are in the window (28 of 365, 7.7 %)
        assertThat(cut.minute()).isEqualTo((FIRST_DAY + 336) * MINUTES_PER_DAY + 1);
        assertThat(cut.how()).startsWith("the last 28 days");
    }

    @Test
    void shouldCutAShareOfTheTimeSpanWhenTheWindowHoldsMostOfTheHistory() {
        RecentWindow.Cut cut = new RecentWindow(28, 0.1).cut(daily(40)).orElseThrow();

        // 28 of 40 days is more than half: cut the last 10 % of the 39-day span instead
        assertThat(cut.minute())
                .isEqualTo((int) ((FIRST_DAY + 39) * MINUTES_PER_DAY - Math.round(0.1 * 39 * MINUTES_PER_DAY)));
        assertThat(cut.how()).startsWith("the last 10 % of the time span");
    }

    @Test
    void shouldLeaveTheEarliestMinuteToTrainOnWhateverTheShare() {
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        builder.add(0, 0, 1f, FIRST_DAY * DAY);
        builder.add(1, 1, 1f, FIRST_DAY * DAY + 60_000);

        RecentWindow.Cut cut = new RecentWindow(28, 0.9999).cut(builder.build(2, 2)).orElseThrow();

        assertThat(cut.minute()).isEqualTo(FIRST_DAY * MINUTES_PER_DAY + 1);
    }

    @Test
    void shouldRefuseARecentSplitOfRatingsWithoutTimes() {
        InteractionMatrix untimed = new InteractionMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1},
                new float[] {1, 1});

        assertThatThrownBy(() -> SplitKind.RECENT.split(untimed, 0.25, RecentWindow.DEFAULT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recent split needs");
    }

    @Test
    void shouldHaveNothingToCutWithoutTimes() {
        InteractionMatrix untimed = new InteractionMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1},
                new float[] {1, 1});

        assertThat(RecentWindow.DEFAULT.cut(untimed)).isEmpty();
    }

    @Test
    void shouldRejectANonPositiveWindowOrAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new RecentWindow(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentWindow(28, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
