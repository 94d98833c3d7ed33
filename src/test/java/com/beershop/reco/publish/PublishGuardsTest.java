package com.beershop.reco.publish;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.PublishGuards.LiveTable;
import com.beershop.reco.publish.PublishGuards.PublishedInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishGuardsTest {

    private final PublishGuards guards = new PublishGuards(0.5, 0.5, 0.5, 0.01);
    private final PublishedInput yesterday = new PublishedInput(7, 100_000, 3_000, 300);

    @Test
    void shouldRefuseWhenNoProductCanBeRecommendedEvenWhenOverridden() {
        assertThatThrownBy(() -> guards.checkInput(0, 100_000, 3_000, yesterday, true))
                .isInstanceOfSatisfying(RunRefusedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.exitCode()).isEqualTo(ExitCodes.PUBLISH_REFUSED))
                .hasMessageContaining("no product can be recommended");
    }

    @Test
    void shouldRefuseAnInputThatFellByMoreThanHalfUnlessOverridden() {
        assertThatThrownBy(() -> guards.checkInput(300, 49_000, 3_000, yesterday, false))
                .hasMessageContaining("ratings read fell from 100000 to 49000 (51%");
        assertThatCode(() -> guards.checkInput(300, 49_000, 3_000, yesterday, true)).doesNotThrowAnyException();
        assertThatCode(() -> guards.checkInput(300, 50_000, 1_500, yesterday, false)).doesNotThrowAnyException();
        assertThatCode(() -> guards.checkInput(300, 10, 1, null, false)).as("first night").doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseACatalogueThatShrankByMoreThanHalfUnlessOverridden() {
        assertThatThrownBy(() -> guards.checkInput(149, 100_000, 3_000, yesterday, false))
                .hasMessageContaining("recommendable products fell from 300 to 149 (50%")
                .hasMessageContaining("reco.publish.max-catalogue-drop");
        assertThatCode(() -> guards.checkInput(149, 100_000, 3_000, yesterday, true)).doesNotThrowAnyException();
        assertThatCode(() -> guards.checkInput(150, 100_000, 3_000, yesterday, false)).doesNotThrowAnyException();
        assertThatCode(() -> guards.checkInput(1, 100_000, 3_000, new PublishedInput(7, 100_000, 3_000, null), false))
                .as("a last run recorded before the count was kept").doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseListsThatServeLessThanHalfOfTheLiveTable() {
        LiveTable live = new LiveTable(30_000, 3_000);

        assertThatThrownBy(() -> guards.checkLists(14_990, 1_499, 0, 3_000, live, false))
                .hasMessageContaining("rows to publish fell from 30000 to 14990")
                .hasMessageContaining("users served fell from 3000 to 1499");
        assertThatCode(() -> guards.checkLists(15_000, 1_500, 0, 3_000, live, false)).doesNotThrowAnyException();
        assertThatCode(() -> guards.checkLists(100, 10, 0, 10, new LiveTable(0, 0), false))
                .as("an empty live table").doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseADivergedModelEvenWhenOverridden() {
        LiveTable live = new LiveTable(30_000, 3_000);

        assertThatThrownBy(() -> guards.checkLists(30_000, 3_000, 31, 3_000, live, true))
                .hasMessageContaining("NaN or infinite scores for 31 of 3000 users");
        assertThatCode(() -> guards.checkLists(30_000, 3_000, 30, 3_000, live, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guards.checkLists(0, 0, 0, 3_000, live, true)).hasMessageContaining("no recommendation");
    }
}
