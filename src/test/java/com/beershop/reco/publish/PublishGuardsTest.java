package com.beershop.reco.publish;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.PublishGuards.LiveTable;
import com.beershop.reco.publish.PublishGuards.PublishedInput;
import com.beershop.reco.scoring.ModelAgreement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishGuardsTest {

    private final PublishGuards guards = new PublishGuards(0.5, 0.5, 0.5, 0.01, 0.1, 0.5);
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
                .hasMessageContaining("NaN or infinite scores for 31 of the 3000 users it scored");
        assertThatCode(() -> guards.checkLists(30_000, 3_000, 30, 3_000, live, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guards.checkLists(0, 0, 0, 3_000, live, true)).hasMessageContaining("no recommendation");
    }

    @Test
    void shouldDivideTheNonFiniteShareByTheUsersTheModelScoredOnly() {
        LiveTable live = new LiveTable(30_000, 3_000);

        // 3,000 users served, 2,000 of them on the fallback: 11 of the 1,000 the model scored is 1.1 %
        assertThatThrownBy(() -> guards.checkLists(30_000, 3_000, 11, 1_000, live, false))
                .hasMessageContaining("11 of the 1000 users it scored (1.1%");
        assertThatCode(() -> guards.checkLists(30_000, 3_000, 10, 1_000, live, false)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAPublishedModelThatCollapsedAgainstTheJudgedOneUnlessOverridden() {
        ModelAgreement disjoint = new ModelAgreement(1_000, 0.05, 400, 410, 1.0, 1.0);
        ModelAgreement sameFewItems = new ModelAgreement(1_000, 0.4, 10, 410, 1.0, 1.0);
        ModelAgreement nonFinite = new ModelAgreement(1_000, 0.5, 400, 410, 0.9, 1.0);

        assertThatThrownBy(() -> guards.checkAgreement(disjoint, false))
                .isInstanceOfSatisfying(RunRefusedException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.exitCode()).isEqualTo(ExitCodes.PUBLISH_REFUSED))
                .hasMessageContaining("mean top-N overlap 0.050, below 0.100 (reco.publish.min-model-agreement)");
        assertThatThrownBy(() -> guards.checkAgreement(sameFewItems, false))
                .hasMessageContaining("10 items listed against 410 (2%, below 50%");
        assertThatThrownBy(() -> guards.checkAgreement(nonFinite, false))
                .hasMessageContaining("finite scores for 90.0% of the users against 100.0%");
        assertThatCode(() -> guards.checkAgreement(disjoint, true)).as("the one-shot override")
                .doesNotThrowAnyException();
        assertThatCode(() -> guards.checkAgreement(new ModelAgreement(1_000, 0.1, 205, 410, 0.99, 1.0), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> guards.checkAgreement(null, false)).as("no judged model kept").doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAnInputWhoseUsersAloneFellByMoreThanHalfAndSayByHowMuchAgainstWhatLimit() {
        assertThatThrownBy(() -> guards.checkInput(300, 100_000, 1_400, yesterday, false))
                .hasMessage("users read fell from 3000 to 1400 (53%, more than the allowed 50%) against the last"
                        + " published run 7 (reco.publish.max-input-drop): a collapsed input, not a shop");
    }

    @Test
    void shouldLetShrunkListsThroughWhenOverriddenButNeverEmptyOnes() {
        LiveTable live = new LiveTable(30_000, 3_000);

        assertThatCode(() -> guards.checkLists(100, 10, 0, 10, live, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guards.checkLists(30_000, 1_000, 0, 3_000, live, false))
                .hasMessage("users served fell from 3000 to 1000 (67%, more than the allowed 50%) against the live"
                        + " table now (reco.publish.max-live-drop)");
    }

    @Test
    void shouldSayTheNonFiniteShareAndItsLimitInPercent() {
        assertThatThrownBy(() -> guards.checkLists(30_000, 3_000, 11, 1_000, new LiveTable(0, 0), false))
                .hasMessage("the model gave NaN or infinite scores for 11 of the 1000 users it scored (1.1%, more than"
                        + " 1.0%, reco.publish.max-non-finite-share): it diverged");
    }

    @Test
    void shouldNotRefuseOnNonFiniteScoresWhenTheModelScoredNoUserAtAll() {
        // every user got the fallback list: no share of scored users can be non-finite
        assertThatCode(() -> guards.checkLists(30_000, 3_000, 5, 0, new LiveTable(0, 0), false))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNameEveryCollapseOfThePublishedModelInOneRefusal() {
        ModelAgreement collapsed = new ModelAgreement(1_000, 0.05, 10, 410, 0.9, 1.0);

        assertThatThrownBy(() -> guards.checkAgreement(collapsed, false))
                .hasMessage("the model trained on all ratings disagrees with the judged hold-out model on 1000 users:"
                        + " mean top-N overlap 0.050, below 0.100 (reco.publish.min-model-agreement); 10 items listed"
                        + " against 410 (2%, below 50%, reco.publish.min-coverage-ratio); finite scores for 90.0% of"
                        + " the users against 100.0% (reco.publish.max-non-finite-share): it diverged or collapsed when"
                        + " trained again");
    }

    @Test
    void shouldSayBothFiniteSharesInPercentWhenThePublishedModelLostFiniteScores() {
        ModelAgreement lostFinite = new ModelAgreement(1_000, 0.5, 400, 410, 0.9, 0.98);

        assertThatThrownBy(() -> guards.checkAgreement(lostFinite, false))
                .hasMessageContaining("finite scores for 90.0% of the users against 98.0%");
    }
}
