package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job does with what others left behind, and where it only warns: an evaluation left running, a prune
 * that fails after a publish, an override nobody removed. On the local PostgreSQL (triggers inject the failures).
 */
@ExtendWith(OutputCaptureExtension.class)
class LeftoversAndWarningsTest {

    private TestDatabase db;

    @BeforeEach
    void publishedOnce() throws Exception {
        db = TestDatabase.postgres();
        db.publishOneNight();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRecoverAnEvaluationLeftRunningOnlyOnceItIsOlderThanStaleAfter() {
        // given: two evaluations whose processes died, one an hour ago and one seven hours ago (evaluate runs
        // without the run lock, so only age tells a dead one from one still running elsewhere)
        assertThat(db.run("evaluate")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("evaluate")).isEqualTo(ExitCodes.OK);
        List<Long> evaluations = db.jdbc.queryForList("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i
                ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'algorithmComparisonJob'
                ORDER BY e.JOB_EXECUTION_ID""", Long.class);
        long recent = evaluations.get(0);
        long old = evaluations.get(1);
        leftRunning(recent, "1 hour");
        leftRunning(old, "7 hours");

        // when
        assertThat(db.run("evaluate")).isEqualTo(ExitCodes.OK);

        // then: the default stale-after is 6 hours
        assertThat(status(old)).as("seven hours without a sign of life").isIn("FAILED", "ABANDONED");
        assertThat(status(recent)).as("may still be running elsewhere").isEqualTo("STARTED");
    }

    @Test
    void shouldPublishWarnAndExitZeroWhenPruningOlderGenerationsFails(CapturedOutput output) {
        // given: the first generation's staged rows cannot be deleted (a trigger refuses), and one generation is kept
        long first = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        db.jdbc.execute("""
                CREATE FUNCTION refuse_prune() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: prune refused'; END $$""");
        db.jdbc.execute("CREATE TRIGGER refuse_prune BEFORE DELETE ON reco_staging FOR EACH ROW WHEN (OLD.run_id = "
                + first + ") EXECUTE FUNCTION refuse_prune()");
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");

        // when
        int exit = db.run("run", "--reco.publish.keep-generations=1");

        // then: the publish stands; the prune is left to the next publish
        long second = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.jdbc.queryForObject("SELECT outcome FROM reco_run_history WHERE job_execution_id = ?",
                String.class, second)).isEqualTo("PUBLISHED");
        assertThat(db.liveRows()).hasSize((int) db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", second));
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id = ?", first)).as("not pruned").isPositive();
        assertThat(output.getOut()).contains("WARN").contains("could not prune older generations");
    }

    @Test
    void shouldWarnAboutAnOverrideLeftInPlaceAndJudgeTonightNormally(CapturedOutput output) {
        // given: an override that named the first night's data; the data changed since
        long first = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");

        // when: tonight's model is worse than most-popular, and the old override is still configured
        int exit = db.run("run", "--reco.gate.override=" + first, "--reco.model.params.factors=1",
                "--reco.model.params.iterations=1", "--reco.model.params.reg=100000");

        // then: the override does not apply to tonight's data; the gate refuses as it would without it
        assertThat(exit).isEqualTo(ExitCodes.QUALITY_REFUSED);
        Map<String, Object> tonight = db.jdbc.queryForMap("SELECT * FROM reco_run_history ORDER BY id DESC LIMIT 1");
        assertThat(tonight.get("gate_verdict")).isEqualTo("REFUSED");
        assertThat(output.getOut()).contains("reco.gate.override=" + first).contains("remove the override");
    }

    private void leftRunning(long execution, String ago) {
        db.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL,"
                + " LAST_UPDATED = CURRENT_TIMESTAMP - INTERVAL '" + ago + "' WHERE JOB_EXECUTION_ID = ?", execution);
    }

    private String status(long execution) {
        return db.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, execution);
    }
}
