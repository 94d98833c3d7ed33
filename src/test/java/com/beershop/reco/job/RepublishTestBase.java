package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generations and the {@code republish} mode, end to end on a real database: the rows of the last published runs
 * stay staged, and any of them goes back live with the same atomic publish, without training or the gate.
 */
abstract class RepublishTestBase {

    TestDatabase db;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void freshDatabaseWithRatings() throws Exception {
        db = createDatabase();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldPutBackExactlyTheRowsOfTheRepublishedRunWithoutTrainingOrTheGate() {
        // given: run A published, the data changed, run B published other lists
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runA = lastRunId();
        List<String> rowsA = db.liveRows();
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021"); // 20 users leave the shop
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> rowsB = db.liveRows();
        assertThat(rowsB).isNotEqualTo(rowsA);
        long jobExecutions = db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

        // when: a gate floor no model could pass; a republish must not consult it
        int exit = db.run("republish", String.valueOf(runA), "--reco.gate.min-ndcg=0.99");

        // then: A's rows, every user, product and rank
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(rowsA);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no job ran, nothing trained")
                .isEqualTo(jobExecutions);
        Map<String, Object> republish = lastRow();
        Map<String, Object> original = db.jdbc.queryForMap(
                "SELECT * FROM reco_run_history WHERE job_execution_id = ?", runA);
        assertThat(republish.get("outcome")).isEqualTo("REPUBLISHED");
        assertThat(republish.get("run_mode")).isEqualTo("republish");
        assertThat(republish.get("published")).isEqualTo(true);
        assertThat(number(republish, "restored_run_id")).isEqualTo(runA);
        assertThat(number(republish, "rows_published")).isEqualTo(rowsA.size());
        assertThat(number(republish, "exit_code")).isZero();
        assertThat(republish.get("gate_verdict")).as("the gate did not run").isNull();
        for (String copied : List.of("algorithm", "params", "seed", "data_fingerprint", "ratings_read",
                "ratings_rejected", "rejected_by_reason", "ratings_used", "users", "products", "top_n", "ndcg_at_n",
                "precision_at_n", "recall_at_n", "map_at_n", "coverage", "baseline_ndcg_at_n")) {
            assertThat(republish.get(copied)).as(copied).isNotNull().isEqualTo(original.get(copied));
        }
    }

    @Test
    void shouldRepairALiveTableSomeoneEditedWhenTheLiveGenerationIsRepublished() {
        // given: the live generation, then a hand edit that removed one user's lists
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long live = lastRunId();
        List<String> published = db.liveRows();
        db.jdbc.update("DELETE FROM recommendations WHERE user_id = ?", "U00001");

        // when
        int exit = db.run("republish", String.valueOf(live));

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(published);
        assertThat(lastRow().get("outcome")).isEqualTo("REPUBLISHED");
        assertThat(number(lastRow(), "restored_run_id")).isEqualTo(live);
    }

    @Test
    void shouldRefuseAnUnknownRunIdWithTheConfigurationCodeAndTouchNothing() {
        // given
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> live = db.liveRows();
        long history = db.count("SELECT COUNT(*) FROM reco_run_history");
        long staged = db.count("SELECT COUNT(*) FROM reco_staging");

        // when
        int unknown = db.run("republish", String.valueOf(lastRunId() + 1000));
        int notANumber = db.run("republish", "yesterday");
        int none = db.run("republish");

        // then
        assertThat(unknown).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(notANumber).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(none).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(db.liveRows()).isEqualTo(live);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(history);
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging")).isEqualTo(staged);
    }

    @Test
    void shouldRefuseARepublishThatWouldShrinkTheLiveTableUnlessTheOverrideNamesTheRestoredRun() {
        // given: run A served 400 users; the other 600 came back and run B serves all 1000
        List<Object[]> away = db.jdbc.query("SELECT user_id, product_id, rating, rated_at FROM ratings WHERE user_id < ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getTimestamp(4)},
                "U00601");
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00601");
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runA = lastRunId();
        List<String> rowsA = db.liveRows();
        db.insertRatings(away);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> rowsB = db.liveRows();

        // when
        int refused = db.run("republish", String.valueOf(runA));
        Map<String, Object> refusal = lastRow();
        int overridden = db.run("republish", String.valueOf(runA), "--reco.gate.override=" + runA);

        // then: 4,000 rows for 400 users against 10,000 for 1,000 live is more than the allowed 50 % drop
        assertThat(refused).isEqualTo(ExitCodes.PUBLISH_REFUSED);
        assertThat(refusal.get("outcome")).isEqualTo("PUBLISH_REFUSED");
        assertThat(refusal.get("published")).isEqualTo(false);
        assertThat(number(refusal, "restored_run_id")).isEqualTo(runA);
        assertThat(refusal.get("outcome_reason").toString()).contains("max-live-drop");
        assertThat(overridden).isEqualTo(ExitCodes.OK);
        assertThat(rowsA).hasSize(4000);
        assertThat(rowsB).hasSize(10_000);
        assertThat(db.liveRows()).isEqualTo(rowsA);
    }

    @Test
    void shouldKeepExactlyKGenerationsAndRefuseAPrunedOne() {
        // given: rows staged by a run that died before it published
        db.jdbc.update("INSERT INTO reco_staging (run_id, user_id, product_id, item_rank) VALUES (?, ?, ?, ?)",
                987_654L, "U00001", "B001", 1);

        // when: three runs publish, each on data that lost one more user, so every generation differs; two are kept
        List<Long> runs = new ArrayList<>();
        List<List<String>> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(db.run("run", "--reco.publish.keep-generations=2")).isEqualTo(ExitCodes.OK);
            runs.add(lastRunId());
            published.add(db.liveRows());
            // the user first: H2 would evaluate a MIN subquery again for every row it deletes
            String leaving = db.jdbc.queryForObject("SELECT MIN(user_id) FROM ratings", String.class);
            db.jdbc.update("DELETE FROM ratings WHERE user_id = ?", leaving);
        }
        assertThat(published.get(1)).isNotEqualTo(published.get(2));

        // then: the last two, each complete; the dead run's and the first run's rows are gone
        assertThat(db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class))
                .containsExactly(runs.get(1), runs.get(2));
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", runs.get(1)))
                .isEqualTo(published.get(1).size());
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", runs.get(2)))
                .isEqualTo(published.get(2).size());
        long history = db.count("SELECT COUNT(*) FROM reco_run_history");
        assertThat(db.run("republish", String.valueOf(runs.get(0)))).as("pruned").isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(history);
        assertThat(db.run("republish", "--reco.publish.republish-run-id=" + runs.get(1)))
                .as("kept; the run id as a Job made from the republish CronJob passes it").isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).as("the second run's rows, not the third's").isEqualTo(published.get(1));
    }

    @Test
    void shouldKeepTheGenerationARepublishPutLiveWhenTheNextRunPrunes() {
        // given: K = 2; A, then B; B is undone by republishing A
        assertThat(db.run("run", "--reco.publish.keep-generations=2")).isEqualTo(ExitCodes.OK);
        long runA = lastRunId();
        List<String> rowsA = db.liveRows();
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");
        assertThat(db.run("run", "--reco.publish.keep-generations=2")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("republish", String.valueOf(runA))).isEqualTo(ExitCodes.OK);

        // when: the next night publishes C
        assertThat(db.run("run", "--reco.publish.keep-generations=2")).isEqualTo(ExitCodes.OK);
        long runC = lastRunId();

        // then: A was live last before C, so A stays and B (live before A) goes
        assertThat(db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class))
                .containsExactly(runA, runC);
        assertThat(db.run("republish", String.valueOf(runA))).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(rowsA);
    }

    @Test
    void shouldNeverShowReadersAnEmptyPartialOrMixedTableDuringARepublish() throws Exception {
        // given
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runA = lastRunId();
        List<String> rowsA = db.liveRows();
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> rowsB = db.liveRows();
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<List<List<String>>> snapshots = CompletableFuture.supplyAsync(() -> db.liveSnapshotsWhile(running));

        // when
        int exit = db.run("republish", String.valueOf(runA));
        running.set(false);

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(rowsA);
        List<List<String>> seen = snapshots.get();
        assertThat(seen).as("snapshots read during the republish").hasSizeGreaterThan(5);
        for (List<String> snapshot : seen) {
            assertThat(snapshot.equals(rowsB) || snapshot.equals(rowsA))
                    .as("a reader saw %d rows that are neither B's %d nor A's %d rows",
                            snapshot.size(), rowsB.size(), rowsA.size())
                    .isTrue();
        }
        assertThat(seen).contains(rowsB);
    }

    @Test
    void shouldReportWhichGenerationIsLiveAndWhichCanBeRepublished() {
        // given
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runA = lastRunId();
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        long runB = lastRunId();

        // when
        String report = printed(() -> assertThat(db.run("report")).isEqualTo(ExitCodes.OK));

        // then
        String generations = report.substring(report.indexOf("Generations"));
        assertThat(generations).containsPattern("(?m)^" + runB + " .*\\| LIVE$")
                .containsPattern("(?m)^" + runA + " .*\\| can republish: republish " + runA + "$");
    }

    @Test
    void shouldRemoveOldHistoryAndJobMetadataAfterAPublishButKeepTheRepublishableGenerations() {
        // given: A, B and C published (two generations kept: B, C), then every record is aged past the retention
        String[] night = {"--reco.publish.keep-generations=2", "--reco.selection.enabled=true",
                "--reco.selection.candidates=ials:factors=8",
                // model selection on and run every night: each night writes reco_model_selection and reco_selection
                "--reco.selection.force=true"};
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(db.run("run", night)).isEqualTo(ExitCodes.OK);
            runs.add(lastRunId());
        }
        long runA = runs.get(0);
        long runB = runs.get(1);
        long runC = runs.get(2);
        List<String> rowsC = db.liveRows();
        ageEveryRecord(500);
        assertThat(db.count("SELECT COUNT(*) FROM reco_model_selection WHERE job_execution_id = ?", runA)).isPositive();

        // when: D publishes (C and D kept now) with the default retention of 400 days
        assertThat(db.run("run", night)).isEqualTo(ExitCodes.OK);
        long runD = lastRunId();

        // then: A's and B's records are gone; C keeps its old ones, as a generation kept for republish
        assertThat(db.jdbc.queryForList("SELECT job_execution_id FROM reco_run_history ORDER BY id", Long.class))
                .containsExactly(runC, runD);
        assertThat(db.jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                Long.class)).containsExactly(runC, runD);
        assertThat(db.jdbc.queryForList("SELECT DISTINCT JOB_EXECUTION_ID FROM BATCH_STEP_EXECUTION ORDER BY JOB_EXECUTION_ID",
                Long.class)).containsExactly(runC, runD);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (?, ?)", runA, runB))
                .isZero();
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("instances without executions are gone")
                .isEqualTo(db.count("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION"));
        assertThat(db.jdbc.queryForList("SELECT job_execution_id FROM reco_selection ORDER BY job_execution_id",
                Long.class)).containsExactly(runC, runD);
        assertThat(db.jdbc.queryForList("SELECT DISTINCT job_execution_id FROM reco_model_selection ORDER BY job_execution_id",
                Long.class)).containsExactly(runC, runD);
        assertThat(db.run("republish", String.valueOf(runC))).as("the kept generation still goes back live")
                .isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(rowsC);
    }

    @Test
    void shouldKeepEveryRecordWhenTheRetentionIsZero() {
        // given
        assertThat(db.run("run", "--reco.publish.keep-generations=1")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("run", "--reco.publish.keep-generations=1")).isEqualTo(ExitCodes.OK);
        ageEveryRecord(5000);
        long history = db.count("SELECT COUNT(*) FROM reco_run_history");
        long executions = db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

        // when
        int negative = db.run("run", "--reco.tracking.retention-days=-1");
        int exit = db.run("run", "--reco.publish.keep-generations=1", "--reco.tracking.retention-days=0");

        // then: one row and one execution more, none removed; a negative retention is a configuration error
        assertThat(negative).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(history + 1);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions + 1);
    }

    /** Moves every run-history row and job execution this many days into the past. */
    private void ageEveryRecord(int days) {
        Timestamp past = Timestamp.valueOf(LocalDateTime.now().minusDays(days));
        db.jdbc.update("UPDATE reco_run_history SET started_at = ?, ended_at = ?", past, past);
        db.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ?", past, past, past);
    }

    private String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private long lastRunId() {
        return db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
    }

    private Map<String, Object> lastRow() {
        return db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)");
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

}
