package com.beershop.reco.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.outcome.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The selection's budget is work, not seconds: two first nights on the same data and configuration choose the same
 * model, skip the same candidates and record the same history, though one of them runs beside two CPU-bound
 * processes on a two-core machine. The budget here binds (the costliest candidates of the built-in space do not
 * fit), so under a seconds budget the busy night would have run fewer candidates.
 */
class SameChoiceUnderLoadTest {

    // a budget the cheap iALS and EASE candidates fit in and the 64- and 128-factor ones, mostly, do not
    private static final String[] SELECTION = {"--reco.selection.enabled=true", "--reco.selection.work-budget=1.5e9"};

    @Test
    void shouldChooseTheSameModelOnABusyMachineAsOnAnIdleOne() throws Exception {
        Night quiet = firstNight(false);
        Night busy = firstNight(true);

        assertThat(quiet.selection().get("skipped")).as("the budget binds").isNotEqualTo(0);
        assertThat(busy.selection().get("wall_limit_hit")).isEqualTo(false);
        for (String column : List.of("chosen_spec", "validation_ndcg", "candidates", "evaluated", "skipped",
                "work_spent", "data_fingerprint", "configuration_key")) {
            assertThat(busy.selection().get(column)).as(column).isEqualTo(quiet.selection().get(column));
        }
        assertThat(busy.candidates()).isEqualTo(quiet.candidates());
        for (String column : List.of("algorithm", "params", "seed", "data_fingerprint", "ndcg_at_n", "outcome")) {
            assertThat(busy.run().get(column)).as(column).isEqualTo(quiet.run().get(column));
        }
    }

    /** A fresh database with the same data, its first night, optionally beside two busy processes. */
    private static Night firstNight(boolean beside) throws Exception {
        List<Process> spinners = new ArrayList<>();
        try (TestDatabase db = TestDatabase.h2()) {
            assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
            db.loadGenerated(RecommendationJobTestBase.DATA);
            if (beside) {
                for (int i = 0; i < 2; i++) {
                    spinners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
                }
                assertThat(spinners).allMatch(Process::isAlive);
            }
            assertThat(db.run("run", SELECTION)).isEqualTo(ExitCodes.OK);
            if (beside) {
                assertThat(spinners).as("busy the whole night").allMatch(Process::isAlive);
            }
            return new Night(db.jdbc.queryForMap("SELECT * FROM reco_selection"),
                    db.jdbc.queryForList("SELECT position, algorithm, params, status, validation_ndcg, work_units, note"
                            + " FROM reco_model_selection ORDER BY position"),
                    db.jdbc.queryForMap("SELECT * FROM reco_run_history"));
        } finally {
            spinners.forEach(Process::destroyForcibly);
        }
    }

    private record Night(Map<String, Object> selection, List<Map<String, Object>> candidates,
                         Map<String, Object> run) {
    }
}
