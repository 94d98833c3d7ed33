package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;
import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pod killed half-way (SIGKILL, no chance to clean up) must leave the live table as it was, and the next run must
 * succeed without anyone touching the database, at once: the dead run's session, and its run lock, ended with it,
 * so the next run knows the execution left "running" is dead. The victim is a real second JVM on the local PostgreSQL.
 */
class KilledRunRecoveryTest {

    private TestDatabase db;

    @BeforeEach
    void publishedOnce() throws Exception {
        db = TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldKeepLiveRowsWhenKilledWhileStagingAndSucceedOnTheNextRunWithoutCleanUp() throws Exception {
        List<String> yesterday = db.liveRows();
        long published = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        Process victim = startRunInAnotherJvm("--reco.publish.batch-size=20");
        awaitStagedRows(victim, published);

        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(db.liveRows()).as("live table after the kill").isEqualTo(yesterday);
        assertThat(db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id <> ?", published))
                .as("rows the dead run left behind").isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isEqualTo(1);

        int exit = db.run("run");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).hasSize(yesterday.size());
        long next = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        assertThat(db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class))
                .as("the dead run's rows are gone; the two published generations stay").containsExactly(published, next);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isZero();
    }

    private Process startRunInAnotherJvm(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                BeerRecoApplication.class.getName(), "run",
                "--spring.datasource.url=" + db.url,
                "--spring.datasource.username=" + db.username,
                "--reco.sample-data.seed=NEVER"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits for the victim's first staged rows (the published run's generation is staged already). */
    private void awaitStagedRows(Process victim, long published) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id <> ?", published) == 0) {
            assertThat(victim.isAlive()).as("the run ended before it staged anything").isTrue();
            assertThat(System.nanoTime()).as("staging did not start in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
