package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.schema.RunLock;
import com.beershop.reco.schema.RunLocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run at a time on the external server of the {@code sqlserver} profile, through the job's own lock (on SQL
 * Server {@code sp_getapplock}, which no test here can run otherwise): while another session holds it, a run and
 * a rehearsal exit 8 at once and change nothing; once released, the run publishes.
 */
@ExtendWith(ServerUnderTest.class)
class RunLockOnServerIT {

    private TestDatabase db;

    @BeforeEach
    void publishedOnce() throws Exception {
        db = TestDatabase.server();
        db.publishOneNight();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRefuseARunAndARehearsalWhileAnotherSessionHoldsTheLockAndRunOnceReleased() throws Exception {
        List<String> yesterday = db.liveRows();
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");
        long executions = db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        long historyRows = db.count("SELECT COUNT(*) FROM reco_run_history");

        try (RunLock held = new RunLocks(new DriverManagerDataSource(db.url, db.username, db.password)).tryAcquire()
                .orElseThrow()) {
            assertThat(db.run("run")).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);
            assertThat(db.run("rehearse")).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);

            assertThat(db.liveRows()).isEqualTo(yesterday);
            assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
            assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).isEqualTo(historyRows);
        }

        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isNotEqualTo(yesterday).hasSize(980 * RecommendationJobTestBase.N);
    }
}
