package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose run lock is lost mid-run (the database ends the lock's session: an idle-session killer, a failover, a
 * DBA) must not publish: it checks the lock inside the publish transaction and rolls back, exit 5. A second run that
 * takes the free lock meanwhile publishes, once, and the live table holds one whole generation. On PostgreSQL, where
 * the test can end the lock's session from the database side; the runs are held in their publish by a session that
 * locked the live rows, and every wait is for an event (a DELETE waiting for a lock, a lock gone), never a clock.
 */
class RunLockLostTest {

    private static final String[] PATIENT = {"--reco.publish.lock-timeout=PT5M"};
    private static final String PUBLISHES_WAITING = """
            SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
               AND query LIKE 'DELETE FROM recommendations%'""";

    private TestDatabase db;
    private List<String> yesterday;
    private long publishedBefore;

    @BeforeEach
    void publishedOnceThenOneUserLost() throws Exception {
        db = TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        // one user's rows changed in the live table, so any publish shows, and must delete rows a blocker locked
        db.jdbc.update("UPDATE recommendations SET product_id = 'B-changed'"
                + " WHERE user_id = (SELECT MIN(user_id) FROM recommendations)");
        yesterday = db.liveRows();
        publishedBefore = db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void shouldRollBackThePublishWithExitFiveWhenTheLocksSessionEndsWhileItRuns() throws Exception {
        CompletableFuture<Integer> run;
        try (Connection blocker = db.lockLiveRows()) {
            // given: a run inside its publish transaction, its DELETE waiting for the blocker
            run = CompletableFuture.supplyAsync(() -> db.run("run", PATIENT));
            await("the run's DELETE waits for the live rows", run, () -> db.count(PUBLISHES_WAITING), 1);

            // when: the database ends the session that holds the run lock
            assertThat(db.terminateRunLockSession()).isEqualTo(1);
            await("the run lock is gone", run, () -> 1 - db.runLockHolders(), 1);
            blocker.rollback();
        }

        // then
        assertThat(run.get(5, TimeUnit.MINUTES)).as("the run").isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(db.liveRows()).as("live table").isEqualTo(yesterday);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true)).isEqualTo(publishedBefore);
        assertThat(db.jdbc.queryForObject("SELECT outcome_reason FROM reco_run_history WHERE job_execution_id ="
                + " (SELECT MAX(job_execution_id) FROM reco_run_history)", String.class))
                .contains("run lock", "was lost", "nothing was published");
    }

    @Test
    void shouldPublishExactlyOnceWholeWhenASecondRunTakesTheLockOfARunWhoseSessionEnded() throws Exception {
        CompletableFuture<Integer> first;
        CompletableFuture<Integer> second;
        try (Connection blocker = db.lockLiveRows()) {
            // given: a first run in its publish, whose lock's session the database then ends
            first = CompletableFuture.supplyAsync(() -> db.run("run", PATIENT));
            await("the first run's DELETE waits", first, () -> db.count(PUBLISHES_WAITING), 1);
            assertThat(db.terminateRunLockSession()).isEqualTo(1);
            await("the run lock is free", first, () -> 1 - db.runLockHolders(), 1);

            // when: a second run starts, takes the free lock and reaches its publish too
            second = CompletableFuture.supplyAsync(() -> db.run("run", PATIENT));
            await("the second run's DELETE waits", second, () -> db.count(PUBLISHES_WAITING), 2);
            assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'"))
                    .as("the first run's execution, still running, was not recovered by the second").isEqualTo(2);
            blocker.rollback();
        }
        int firstExit = first.get(5, TimeUnit.MINUTES);
        int secondExit = second.get(5, TimeUnit.MINUTES);

        // then: the run that holds the lock published, once; the live table is its generation, whole
        assertThat(secondExit).as("the run holding the lock").isEqualTo(ExitCodes.OK);
        assertThat(firstExit).as("the run that lost it").isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(db.jdbc.queryForList("SELECT outcome_reason FROM reco_run_history WHERE published = ?",
                String.class, false)).as("the first run ended itself, refusing to publish")
                .singleElement().asString().contains("was lost");
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true))
                .as("publishes").isEqualTo(publishedBefore + 1);
        long live = db.count("SELECT MAX(job_execution_id) FROM reco_run_history WHERE published = ?", true);
        List<String> generation = db.jdbc.query("SELECT user_id, product_id, item_rank FROM reco_staging"
                        + " WHERE run_id = ? ORDER BY user_id, item_rank",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), live);
        assertThat(generation).isNotEmpty();
        assertThat(db.liveRows()).as("the live table is the published run's generation, whole")
                .isEqualTo(generation).isNotEqualTo(yesterday);
    }

    /** Waits until {@code value} reaches {@code target}, failing at once if the run ends first. */
    private static void await(String what, CompletableFuture<Integer> run, LongSupplier value, long target)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (value.getAsLong() < target) {
            assertThat(run).as("the run ended before: " + what).isNotDone();
            assertThat(System.nanoTime()).as("in time: " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
