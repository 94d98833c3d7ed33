package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gradual rollout end to end on a shop whose live table holds hand-made rows for every user: the model's lists
 * go to the model arm only, every other user keeps the hand-made rows, and a user who moves back gets them back.
 */
abstract class RolloutTestBase {

    HandMadeShop shop;
    TestDatabase db;
    Map<String, List<String>> handMade;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void shopWithHandMadeRows() throws Exception {
        shop = HandMadeShop.open(createDatabase(), 3);
        db = shop.db;
        handMade = shop.handMade;
    }

    @AfterEach
    void dropDatabase() {
        shop.close();
    }

    @Test
    void shouldGiveNewListsToAboutTheShareAndLeaveEveryOtherUsersRowsExactlyAsBefore() {
        // when
        assertThat(db.run("run", "--reco.publish.rollout-share=0.2")).isEqualTo(ExitCodes.OK);

        // then: a user either kept the hand-made rows exactly, or got a whole new list of N
        Map<String, List<String>> live = shop.live();
        assertThat(live.keySet()).isEqualTo(handMade.keySet());
        Set<String> moved = shop.movedUsers(live);
        double share = moved.size() / (double) handMade.size();
        assertThat(share).as("users with new lists").isBetween(0.18, 0.22);
        for (String user : moved) {
            assertThat(live.get(user)).as(user).hasSize(RecommendationJobTestBase.N);
        }

        // when: back to share 0
        assertThat(db.run("run", "--reco.publish.rollout-share=0")).isEqualTo(ExitCodes.OK);

        // then: the moved users have their hand-made rows back; the table is as it was before the model
        assertThat(shop.live()).isEqualTo(handMade);
    }

    @Test
    void shouldGiveHandMadeRowsBackToUsersWhoMoveBackWhenTheShareFalls() {
        // given
        assertThat(db.run("run", "--reco.publish.rollout-share=0.5")).isEqualTo(ExitCodes.OK);
        Set<String> half = shop.movedUsers(shop.live());

        // when
        assertThat(db.run("run", "--reco.publish.rollout-share=0.2")).isEqualTo(ExitCodes.OK);

        // then: the 0.2 arm is inside the 0.5 arm; the others of the 0.5 arm have their hand-made rows again
        Map<String, List<String>> live = shop.live();
        Set<String> fifth = shop.movedUsers(live);
        assertThat(half).containsAll(fifth);
        assertThat(fifth.size()).isLessThan(half.size());
        for (String user : half) {
            if (!fifth.contains(user)) {
                assertThat(live.get(user)).as(user).isEqualTo(handMade.get(user));
            }
        }
    }

    @Test
    void shouldRepublishBothArmsAsTheyWere() {
        // given: A at share 0.2, then B at share 0.6
        assertThat(db.run("run", "--reco.publish.rollout-share=0.2")).isEqualTo(ExitCodes.OK);
        long runA = shop.lastRunId();
        List<String> rowsA = db.liveRows();
        assertThat(db.run("run", "--reco.publish.rollout-share=0.6")).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isNotEqualTo(rowsA);

        // when
        assertThat(db.run("republish", String.valueOf(runA))).isEqualTo(ExitCodes.OK);

        // then
        assertThat(db.liveRows()).isEqualTo(rowsA);
    }

    @Test
    void shouldRefuseAModelArmThatWouldShrinkAgainstWhatItsUsersAreServedNow() {
        // given: 25 hand-made rows per user; the model's lists have 10, a 60 % fall within the model arm, while the
        // whole table (80 % of users keep 25 rows) would fall by 12 % only
        db.jdbc.update("DELETE FROM recommendations");
        HandMadeShop.insertHandMadeRows(db, 25);
        List<String> before = db.liveRows();

        // when
        int exit = db.run("run", "--reco.publish.rollout-share=0.2");

        // then
        assertThat(exit).isEqualTo(ExitCodes.PUBLISH_REFUSED);
        assertThat(db.liveRows()).isEqualTo(before);
        assertThat(db.jdbc.queryForObject("SELECT outcome_reason FROM reco_run_history", String.class))
                .contains("rows to publish fell from").contains("max-live-drop");
    }

    @Test
    void shouldChangeNothingButTheReadoutWithTheDefaultShare() {
        // when: the default share, twice
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);

        // then: every user has the model's list, none of the hand-made rows is left, one arm is measured
        Map<String, List<String>> live = shop.live();
        assertThat(shop.movedUsers(live)).hasSize(handMade.size());
        assertThat(db.count("SELECT COUNT(*) FROM recommendations")).isEqualTo(handMade.size() * 10L);
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ? AND arm <> 'model'", shop.lastRunId()))
                .isZero();
        String online = db.jdbc.queryForObject("SELECT online FROM reco_run_history WHERE id = (SELECT MAX(id)"
                + " FROM reco_run_history)", String.class);
        assertThat(online).contains("\"arm\":\"model\"").doesNotContain("\"arm\":\"control\"");
    }

}
