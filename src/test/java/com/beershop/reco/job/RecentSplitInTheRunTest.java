package com.beershop.reco.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code reco.evaluation.split=recent} backtests a night in the whole run: the gate and {@code evaluate} judge on the
 * same global cut, and the gate's baseline is the stronger of most-popular and trending on it.
 */
class RecentSplitInTheRunTest {

    private static final SampleDataSpec DATA = SampleDataSpec.of(1000, 150, 25_000, 31);

    @Test
    void shouldJudgeTheGateAndEvaluateOnOneCutInTimeAgainstTheStrongerPopularityBaseline() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(DATA);

            assertThat(db.run("run", "--reco.evaluation.split=recent", "--reco.selection.enabled=false"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(db.run("evaluate", "--reco.evaluation.split=recent",
                    "--reco.evaluation.candidates=most-popular,recent-popular,ials")).isEqualTo(ExitCodes.OK);

            List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT run_mode, algorithm, holdout_split,"
                    + " ndcg_at_n, baseline_ndcg_at_n, outcome FROM reco_run_history ORDER BY id");
            assertThat(rows).extracting(row -> row.get("run_mode") + "/" + row.get("algorithm") + "/"
                    + row.get("holdout_split")).containsExactly("run/ials/recent", "evaluate/most-popular/recent",
                    "evaluate/recent-popular/recent", "evaluate/ials/recent");
            assertThat(rows.get(0).get("outcome")).isEqualTo("PUBLISHED");
            assertThat(number(rows.get(3), "ndcg_at_n")).as("the gate and evaluate judge on the same cut")
                    .isEqualTo(number(rows.get(0), "ndcg_at_n"));
            assertThat(number(rows.get(0), "baseline_ndcg_at_n")).as("the stronger popularity baseline")
                    .isEqualTo(Math.max(number(rows.get(1), "ndcg_at_n"), number(rows.get(2), "ndcg_at_n")));
            assertThat(number(rows.get(1), "ndcg_at_n")).as("trending ranks otherwise than all-time popularity")
                    .isNotEqualTo(number(rows.get(2), "ndcg_at_n"));
        }
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
