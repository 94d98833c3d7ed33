package com.beershop.reco.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.beershop.reco.outcome.ExitCodes;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tune on a schedule, train nightly: the first night selects and records its choice in {@code reco_selection}; the
 * nights after it reuse that choice (no candidate trained) until the record is older than the maximum age, the
 * search space changes, the data changes by more than the set share, or someone asks ({@code select},
 * {@code reco.selection.force}). Every run's history row names the selection its model came from.
 */
class SelectionScheduleInTheRunTest {

    private static final String SELECTION_ON = "--reco.selection.enabled=true";
    private static final String SPACE = "--reco.selection.candidates=most-popular,ials:factors=8|16,ease:lambda=100";

    @Test
    void shouldSelectOnTheFirstNightThenReuseTheChoiceUntilAgeSpaceDataOrAnAskCallsForAnother() throws Exception {
        try (TestDatabase db = shop()) {

            // night 1 selects; night 2, same data and configuration, reuses
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);

            List<Map<String, Object>> selections = selections(db);
            assertThat(selections).hasSize(1);
            Map<String, Object> first = selections.get(0);
            assertThat(first.get("run_mode")).isEqualTo("run");
            assertThat(first.get("reason")).isEqualTo("no selection recorded yet");
            assertThat(((Number) first.get("evaluated")).intValue()).isEqualTo(5);
            assertThat(first.get("wall_limit_hit")).isEqualTo(false);
            List<Map<String, Object>> runs = runs(db);
            assertThat(runs).extracting(r -> r.get("selection_id")).containsOnly(first.get("id"));
            assertThat(runs.get(0).get("selection_note")).isEqualTo("selected tonight: no selection recorded yet");
            assertThat(runs.get(1).get("selection_note").toString())
                    .startsWith("reusing selection #" + first.get("id") + " of ").contains("data changed by 0.0 %");
            assertThat(runs.get(1).get("algorithm") + " " + runs.get(1).get("params"))
                    .isEqualTo(runs.get(0).get("algorithm") + " " + runs.get(0).get("params"));
            assertThat(candidateExecutions(db)).as("the reuse night trains no candidate")
                    .containsOnly(runs.get(0).get("job_execution_id"));
            assertThat(first.get("chosen_spec").toString()).startsWith(runs.get(0).get("algorithm").toString());

            // night 3: the record is eight days old
            db.jdbc.update("UPDATE reco_selection SET selected_at = ?",
                    Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(8)));
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(lastReason(db)).startsWith("the last selection (#" + first.get("id") + ") is 8d")
                    .endsWith("old, more than the 7d reco.selection.max-age");

            // night 4: another search space
            assertThat(db.run("run", SELECTION_ON, "--reco.selection.candidates=most-popular,ials:factors=8"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(lastReason(db)).startsWith("the search space or its settings changed");

            // night 5: one new customer's rating (a thousandth more users), with no change allowed
            db.insertRatings(List.<Object[]>of(new Object[] {"U09999", "B0003", 4, Timestamp.valueOf(
                    LocalDateTime.of(2026, 1, 1, 12, 0))}));
            assertThat(db.run("run", SELECTION_ON, "--reco.selection.candidates=most-popular,ials:factors=8",
                    "--reco.selection.max-data-change=0")).isEqualTo(ExitCodes.OK);
            assertThat(lastReason(db)).startsWith("the data changed by 0.1 % since the last selection")
                    .endsWith("more than the 0 % reco.selection.max-data-change");

            // asked for: by the flag on a run, and by the select mode, which publishes nothing
            assertThat(db.run("run", SELECTION_ON, "--reco.selection.candidates=most-popular,ials:factors=8",
                    "--reco.selection.force=true")).isEqualTo(ExitCodes.OK);
            assertThat(lastReason(db)).isEqualTo("asked for");
            List<String> live = db.liveRows();
            int historyRows = runs(db).size();
            assertThat(db.run("select", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(selections(db).get(selections(db).size() - 1)).containsEntry("run_mode", "select")
                    .containsEntry("reason", "the select mode");
            assertThat(db.liveRows()).isEqualTo(live);
            assertThat(runs(db)).hasSize(historyRows);

            // the next night reuses what select chose
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(selections(db)).hasSize(6);
            Object lastSelection = selections(db).get(5).get("id");
            assertThat(runs(db).get(runs(db).size() - 1).get("selection_note").toString())
                    .startsWith("reusing selection #" + lastSelection + " ");
        }
    }

    @Test
    void shouldSelectAgainWhenThisBuildCannotTrainTheRecordedChoice() throws Exception {
        try (TestDatabase db = shop()) {
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            db.jdbc.update("UPDATE reco_selection SET chosen_spec = 'retired-algorithm:k=3'");

            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);

            assertThat(lastReason(db)).startsWith("the recorded choice retired-algorithm{k=3} cannot be trained any"
                    + " more (");
            assertThat(runs(db).get(1).get("algorithm")).isNotEqualTo("retired-algorithm");
        }
    }

    @Test
    void shouldSelectAgainAfterTheGateRefusedTheReusedChoiceRatherThanRefuseForAWeek() throws Exception {
        try (TestDatabase db = shop()) {
            assertThat(db.run("run", SELECTION_ON, SPACE, "--reco.gate.min-ndcg=0.99"))
                    .isEqualTo(ExitCodes.QUALITY_REFUSED);

            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);

            List<Map<String, Object>> selections = selections(db);
            assertThat(selections).hasSize(2);
            assertThat(selections.get(1).get("reason")).isEqualTo("the quality gate refused the last run with the"
                    + " choice of selection #" + selections.get(0).get("id"));
            assertThat(runs(db).get(2).get("selection_note").toString()).as("published: the next night reuses")
                    .startsWith("reusing selection #" + selections.get(1).get("id") + " ");
        }
    }

    @Test
    void shouldRecordARehearsalsSelectionAsTheRehearsalsAndLetTheFirstNightReuseIt() throws Exception {
        try (TestDatabase db = shop()) {

            assertThat(db.run("rehearse", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);
            assertThat(db.run("run", SELECTION_ON, SPACE)).isEqualTo(ExitCodes.OK);

            assertThat(selections(db)).singleElement().satisfies(s -> assertThat(s).containsEntry("run_mode",
                    "rehearse"));
            assertThat(db.jdbc.queryForList("SELECT DISTINCT run_mode FROM reco_model_selection", String.class))
                    .containsExactly("rehearse");
            assertThat(runs(db).get(0).get("selection_note").toString())
                    .startsWith("reusing selection #" + selections(db).get(0).get("id") + " ");
        }
    }

    @Test
    void shouldRefuseTheRetiredSecondsBudgetAndNameWhatReplacedIt() throws Exception {
        try (TestDatabase db = shop()) {

            assertThat(db.run("run", SELECTION_ON, "--reco.selection.budget=30s"))
                    .isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM reco_run_history", Integer.class)).isZero();
        }
    }

    /** An H2 InventoryDB, migrated, with the generated shop of the job tests. */
    private static TestDatabase shop() throws Exception {
        TestDatabase db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        return db;
    }

    private static List<Map<String, Object>> selections(TestDatabase db) {
        return db.jdbc.queryForList("SELECT * FROM reco_selection ORDER BY id");
    }

    private static List<Map<String, Object>> runs(TestDatabase db) {
        return db.jdbc.queryForList("SELECT job_execution_id, algorithm, params, selection_id, selection_note"
                + " FROM reco_run_history WHERE run_mode = 'run' ORDER BY id");
    }

    private static List<Object> candidateExecutions(TestDatabase db) {
        return db.jdbc.queryForList("SELECT DISTINCT job_execution_id FROM reco_model_selection", Object.class);
    }

    private static String lastReason(TestDatabase db) {
        List<Map<String, Object>> all = selections(db);
        return all.get(all.size() - 1).get("reason").toString();
    }
}
