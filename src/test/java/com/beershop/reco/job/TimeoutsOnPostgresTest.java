package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.sample.SampleDataSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that waits on another session gives up after its timeout instead of holding the run until the
 * CronJob's deadline: the run fails with the infrastructure exit code (worth a retry) and the live table keeps
 * its rows. Another connection holds a conflicting lock, as a stuck session in InventoryDB would.
 */
@Timeout(300) // a safety net for a timeout that does not work; the assertions are on outcomes, not durations
class TimeoutsOnPostgresTest {

    private TestDatabase db;

    @BeforeEach
    void migratedDatabaseWithRatings() throws Exception {
        db = TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(SampleDataSpec.of(300, 60, 6_000, 3));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldGiveUpAReadBlockedByAnotherSessionAfterTheQueryTimeout() throws Exception {
        try (Connection other = DriverManager.getConnection(db.url, db.username, db.password)) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE");
            }

            int exit = db.run("run", "--reco.job.query-timeout=PT2S");

            other.rollback();
            assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        }
        assertThat(db.count("SELECT COUNT(*) FROM recommendations")).isZero();
        Map<String, Object> run = db.jdbc.queryForMap("SELECT outcome, outcome_reason FROM reco_run_history");
        assertThat(run.get("outcome")).isEqualTo("INFRASTRUCTURE_FAILURE");
        assertThat(run.get("outcome_reason").toString()).contains("canceling statement");
    }

    @Test
    void shouldGiveUpThePublishWhenAnotherSessionHoldsALockOnTheLiveTable() throws Exception {
        assertThat(db.run("run", "--reco.gate.enabled=false")).isEqualTo(ExitCodes.OK);
        java.util.List<String> yesterday = db.liveRows();
        try (Connection other = DriverManager.getConnection(db.url, db.username, db.password)) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                // readers may go on; the publish's DELETE must wait
                lock.execute("LOCK TABLE recommendations IN SHARE MODE");
            }

            int exit = db.run("run", "--reco.gate.enabled=false", "--reco.publish.lock-timeout=PT1S");

            other.rollback();
            assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        }
        assertThat(db.liveRows()).isEqualTo(yesterday);
        Map<String, Object> run = db.jdbc.queryForMap(
                "SELECT outcome, outcome_reason FROM reco_run_history ORDER BY id DESC LIMIT 1");
        assertThat(run.get("outcome")).isEqualTo("INFRASTRUCTURE_FAILURE");
        assertThat(run.get("outcome_reason").toString()).contains("lock timeout");
    }
}
