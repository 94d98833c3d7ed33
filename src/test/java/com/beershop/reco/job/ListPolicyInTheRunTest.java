package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The list policy and the hold-out kind reach the whole run: the style re-rank changes what is published and what
 * the gate judges, the run history records the weight, the split and how varied the published lists were, and a
 * time-aware split is what the gate and {@code evaluate} measure on when asked.
 */
class ListPolicyInTheRunTest {

    private static final SampleDataSpec DATA = SampleDataSpec.of(1000, 150, 25_000, 31);
    /** Mean distinct styles per published list, computed from the live table as a reader would. */
    private static final String LIVE_DISTINCT_STYLES = """
            SELECT AVG(CAST(styles AS DOUBLE PRECISION)) FROM (
              SELECT r.user_id, COUNT(DISTINCT p.style) AS styles
              FROM recommendations r JOIN products p ON p.product_id = r.product_id GROUP BY r.user_id) per_user""";

    @Test
    void shouldPublishMoreVariedListsAndJudgeTheReRankedOnesWhenTheDiversityWeightIsRaised() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(DATA);

            assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
            double plainStyles = liveDistinctStyles(db);
            assertThat(db.run("run", "--reco.scoring.diversity-weight=0.5")).isEqualTo(ExitCodes.OK);
            double variedStyles = liveDistinctStyles(db);

            assertThat(variedStyles).as("distinct styles per published list").isGreaterThan(plainStyles + 1);
            List<Map<String, Object>> runs = db.jdbc.queryForList(
                    "SELECT diversity_weight, holdout_split, distinct_styles, crowded_lists_share, ndcg_at_n, outcome"
                            + " FROM reco_run_history ORDER BY id");
            assertThat(runs).extracting(row -> ((Number) row.get("diversity_weight")).doubleValue())
                    .containsExactly(0.0, 0.5);
            assertThat(runs).extracting(row -> row.get("holdout_split")).containsOnly("random");
            assertThat(runs).extracting(row -> row.get("outcome")).containsOnly("PUBLISHED");
            assertThat(number(runs.get(0), "distinct_styles")).isCloseTo(plainStyles, within(1e-6));
            assertThat(number(runs.get(1), "distinct_styles")).isCloseTo(variedStyles, within(1e-6));
            assertThat(number(runs.get(1), "crowded_lists_share")).isLessThanOrEqualTo(number(runs.get(0), "crowded_lists_share"));
            // same data, model and split: only the re-rank differs, and it trades hold-out hits for variety
            assertThat(number(runs.get(1), "ndcg_at_n")).as("the gate judged the re-ranked lists")
                    .isLessThan(number(runs.get(0), "ndcg_at_n"));
        }
    }

    @Test
    void shouldJudgeOnEachUsersLatestRatingsWhenTheSplitIsTimeAware() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(DATA);

            // the generated shop drifts (seasons, new releases): on each user's latest ratings trending edges out the
            // time-blind default (nDCG@10 0.271 against 0.269) and the gate would refuse it, so the run configures
            // the time-aware iALS, and evaluate measures that same model
            assertThat(db.run("run", "--reco.evaluation.split=time", "--reco.model.params.trend-weight=1"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(db.run("evaluate", "--reco.evaluation.split=time",
                    "--reco.evaluation.candidates=most-popular,ials:trend-weight=1", "--reco.evaluation.seeds=2"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(db.run("evaluate", "--reco.evaluation.candidates=most-popular,ials:trend-weight=1"))
                    .isEqualTo(ExitCodes.OK);

            List<Map<String, Object>> rows = db.jdbc.queryForList(
                    "SELECT run_mode, algorithm, holdout_split, ndcg_at_n FROM reco_run_history ORDER BY id");
            assertThat(rows).extracting(row -> row.get("run_mode") + "/" + row.get("algorithm") + "/" + row.get("holdout_split"))
                    .containsExactly("run/ials/time", "evaluate/most-popular/time", "evaluate/ials/time",
                            "evaluate/most-popular/random", "evaluate/ials/random");
            assertThat(number(rows.get(2), "ndcg_at_n")).as("the nightly gate and evaluate measure on the same split")
                    .isEqualTo(number(rows.get(0), "ndcg_at_n"));
            assertThat(number(rows.get(2), "ndcg_at_n")).as("latest ratings are not a random share")
                    .isNotEqualTo(number(rows.get(4), "ndcg_at_n"));
        }
    }

    private static double liveDistinctStyles(TestDatabase db) {
        return db.jdbc.queryForObject(LIVE_DISTINCT_STYLES, Double.class);
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
