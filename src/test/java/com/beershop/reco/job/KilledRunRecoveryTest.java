package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pod killed half-way (SIGKILL, no chance to clean up) must leave the live table as it was, and the next run must
 * succeed without anyone touching the database, at once: the dead run's session, and its run lock, ended with it,
 * so the next run knows the execution left "running" is dead. The victim is a real second JVM on the local PostgreSQL.
 */
class KilledRunRecoveryTest {

    @TempDir
    Path logs;

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
    void shouldKeepLiveRowsWhenKilledWhileStagingAndSucceedOnTheNextRunWithoutCleanUp() throws Exception {
        List<String> yesterday = db.liveRows();
        long published = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        ChildJvmRun victim = ChildJvmRun.caughtStaging(db, logs.resolve("victim.log"));

        victim.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

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

}
