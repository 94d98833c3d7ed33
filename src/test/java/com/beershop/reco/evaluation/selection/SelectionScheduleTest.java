package com.beershop.reco.evaluation.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.model.AlgorithmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a run selects and when it reuses the recorded choice. */
class SelectionScheduleTest {

    private static final Instant SELECTED = Instant.parse("2026-11-28T02:00:00Z");
    private static final RecordedSelection.DataShape SHAPE = new RecordedSelection.DataShape(1_000_000, 50_000, 5_000);
    private static final RecordedSelection LAST = new RecordedSelection(12, 340, SELECTED, "1000000:abc", SHAPE,
            "key-1", AlgorithmSpec.parse("ials:factors=64,alpha=10"), 0.31);
    private static final SelectionSchedule WEEKLY = new SelectionSchedule(Duration.ofDays(7), 0.2);

    @Test
    void shouldReuseTheRecordWhileItIsYoungTheSpaceStandsAndTheDataMovedLittle() {
        RecordedSelection.DataShape grown = new RecordedSelection.DataShape(1_150_000, 52_000, 5_000);

        SelectionSchedule.Decision decision = WEEKLY.decide(Optional.of(LAST), SELECTED.plus(Duration.ofDays(6)),
                grown, "key-1", false, false);

        assertThat(decision.select()).isFalse();
        assertThat(decision.reuse()).contains(LAST);
        assertThat(decision.reason()).isEqualTo("reusing selection #12 of 2026-11-28T02:00:00Z (6d old, data changed"
                + " by 15.0 %)");
    }

    @Test
    void shouldSelectWithoutARecordOrWhenAsked() {
        assertThat(WEEKLY.decide(Optional.empty(), SELECTED, SHAPE, "key-1", false, false))
                .isEqualTo(SelectionSchedule.Decision.select("no selection recorded yet"));
        assertThat(WEEKLY.decide(Optional.of(LAST), SELECTED, SHAPE, "key-1", true, false))
                .isEqualTo(SelectionSchedule.Decision.select("asked for"));
    }

    @Test
    void shouldSelectWhenTheGateRefusedTheLastRunWithTheRecordedChoice() {
        SelectionSchedule.Decision decision = WEEKLY.decide(Optional.of(LAST), SELECTED.plusSeconds(60), SHAPE,
                "key-1", false, true);

        assertThat(decision.select()).isTrue();
        assertThat(decision.reason()).isEqualTo("the quality gate refused the last run with the choice of selection"
                + " #12");
    }

    @Test
    void shouldSelectWhenTheRecordIsOlderThanTheMaximumAgeButNotAtIt() {
        assertThat(WEEKLY.decide(Optional.of(LAST), SELECTED.plus(Duration.ofDays(7)), SHAPE, "key-1", false, false)
                .select()).as("exactly 7 days").isFalse();

        SelectionSchedule.Decision decision = WEEKLY.decide(Optional.of(LAST),
                SELECTED.plus(Duration.ofDays(7)).plusSeconds(3_600), SHAPE, "key-1", false, false);

        assertThat(decision.select()).isTrue();
        assertThat(decision.reason()).isEqualTo("the last selection (#12) is 7d 1h old, more than the 7d"
                + " reco.selection.max-age");
    }

    @Test
    void shouldSelectWhenTheSpaceOrItsSettingsChanged() {
        SelectionSchedule.Decision decision = WEEKLY.decide(Optional.of(LAST), SELECTED.plusSeconds(60), SHAPE,
                "key-2", false, false);

        assertThat(decision.select()).isTrue();
        assertThat(decision.reason()).isEqualTo("the search space or its settings changed since the last selection"
                + " (#12)");
    }

    @Test
    void shouldSelectWhenAnyCountChangedByMoreThanTheShareEitherWay() {
        Instant now = SELECTED.plusSeconds(60);
        RecordedSelection.DataShape shrunk = new RecordedSelection.DataShape(790_000, 50_000, 5_000);
        RecordedSelection.DataShape moreProducts = new RecordedSelection.DataShape(1_000_000, 50_000, 6_500);
        RecordedSelection.DataShape atTheEdge = new RecordedSelection.DataShape(1_200_000, 60_000, 4_000);

        assertThat(WEEKLY.decide(Optional.of(LAST), now, shrunk, "key-1", false, false).reason())
                .isEqualTo("the data changed by 21.0 % since the last selection (#12), more than the 20 %"
                        + " reco.selection.max-data-change");
        assertThat(WEEKLY.decide(Optional.of(LAST), now, moreProducts, "key-1", false, false).select()).isTrue();
        assertThat(WEEKLY.decide(Optional.of(LAST), now, atTheEdge, "key-1", false, false).select()).as("20 % is allowed")
                .isFalse();
    }

    @Test
    void shouldCountAChangeFromNothingAsWhole() {
        RecordedSelection.DataShape empty = new RecordedSelection.DataShape(0, 0, 0);

        assertThat(SHAPE.changeSince(empty)).isEqualTo(1.0);
        assertThat(empty.changeSince(empty)).isZero();
        assertThat(empty.changeSince(SHAPE)).isEqualTo(1.0);
    }

    @Test
    void shouldWriteDurationsInTheirTwoLargestUnits() {
        assertThat(SelectionSchedule.words(Duration.ofDays(3).plusHours(4).plusMinutes(5))).isEqualTo("3d 4h");
        assertThat(SelectionSchedule.words(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(SelectionSchedule.words(Duration.ofHours(5).plusMinutes(10))).isEqualTo("5h 10m");
        assertThat(SelectionSchedule.words(Duration.ofHours(5))).isEqualTo("5h");
        assertThat(SelectionSchedule.words(Duration.ofMinutes(7).plusSeconds(3))).isEqualTo("7m");
        assertThat(SelectionSchedule.words(Duration.ofSeconds(40))).isEqualTo("40s");
        assertThat(SelectionSchedule.words(Duration.ofSeconds(-5))).as("a clock that went back").isEqualTo("0s");
    }
}
