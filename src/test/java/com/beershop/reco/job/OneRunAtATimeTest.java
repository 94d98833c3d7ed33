package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One run at a time: a run that finds the run lock taken exits with ANOTHER_RUN_ACTIVE at once and touches
 * nothing, and the run that holds it carries on and publishes. On H2 (the SQL Server scripts, with the lock row of
 * V4) and on PostgreSQL (an advisory lock).
 */
class OneRunAtATimeTest {

    /** Only against a hang: whether the refused run waits is seen as an event ({@link #refusedWithoutWaiting}). */
    private static final Duration HANG_GUARD = Duration.ofMinutes(10);

    private TestDatabase db;

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private void publishedOnce(String vendor) throws Exception {
        db = vendor.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldExitAtOnceWithAnotherRunActiveAndTouchNothingWhileTheLockIsHeld(String vendor) throws Exception {
        // given: another session holds the run lock, as a running run would
        publishedOnce(vendor);
        List<String> yesterday = db.liveRows();
        long executions = db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        List<String> staged = stagedRows();
        long historyRows = db.count("SELECT COUNT(*) FROM reco_run_history");

        try (Connection holder = db.holdRunLock()) {
            // when
            int exit = refusedWithoutWaiting(vendor, () -> db.run("run"));

            // then
            assertThat(exit).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);
            assertThat(holder.isValid(1)).as("the other session still holds its lock").isTrue();
        }
        assertThat(db.liveRows()).as("live table").isEqualTo(yesterday);
        assertThat(stagedRows()).as("staged rows (the published generation)").isEqualTo(staged);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("job executions").isEqualTo(executions);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).as("run-history rows").isEqualTo(historyRows);
        assertThat(db.run("run")).as("a run after the lock is released").isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRefuseARepublishWhileAnotherRunHoldsTheLockAndTouchNothing(String vendor) throws Exception {
        // given: run A published, then run B published other rows; another session holds the run lock
        publishedOnce(vendor);
        String runA = db.jdbc.queryForObject(
                "SELECT MAX(job_execution_id) FROM reco_run_history WHERE published = ?", String.class, true);
        db.jdbc.update("DELETE FROM ratings WHERE user_id = (SELECT MIN(user_id) FROM ratings)");
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> live = db.liveRows();
        long historyRows = db.count("SELECT COUNT(*) FROM reco_run_history");

        try (Connection holder = db.holdRunLock()) {
            // when
            int exit = refusedWithoutWaiting(vendor, () -> db.run("republish", runA));

            // then
            assertThat(exit).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);
        }
        assertThat(db.liveRows()).as("live table").isEqualTo(live);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).as("run-history rows").isEqualTo(historyRows);
        assertThat(db.run("republish", runA)).as("the same republish after the lock is released").isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isNotEqualTo(live);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRefuseASecondRunWhileTheFirstIsPublishingAndLetTheFirstPublish(String vendor) throws Exception {
        // given: a first run, held up in its publish by a session that locked yesterday's rows; one user's rows
        // changed in the live table, so a publish shows, and must delete rows the session locked
        publishedOnce(vendor);
        List<String> published = db.liveRows();
        db.jdbc.update("UPDATE recommendations SET product_id = 'B-changed'"
                + " WHERE user_id = (SELECT MIN(user_id) FROM recommendations)");
        List<String> yesterday = db.liveRows();
        CompletableFuture<Integer> first;
        try (Connection blocker = db.lockLiveRows()) {
            // the publish may wait for the locked rows (longer than H2's default lock timeout of 2 s, too)
            String[] patience = vendor.equals("h2")
                    ? new String[]{"--reco.publish.lock-timeout=PT5M",
                                   "--spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 300000"}
                    : new String[]{"--reco.publish.lock-timeout=PT5M"};
            first = CompletableFuture.supplyAsync(() -> db.run("run", patience));
            awaitPublishStepRunning(first);

            // when: a second run starts while the first holds the run lock
            int second = refusedWithoutWaiting(vendor, () -> db.run("run"));

            // then
            assertThat(second).isEqualTo(ExitCodes.ANOTHER_RUN_ACTIVE);
            assertThat(first).as("the first run is still publishing").isNotDone();
            blocker.rollback();
        }
        assertThat(first.get(5, TimeUnit.MINUTES)).as("the first run").isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).as("published by the first run").isNotEqualTo(yesterday).isEqualTo(published);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true)).isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the second run started no job")
                .isEqualTo(2);
    }

    /**
     * Runs a mode that must be refused while another session holds the run lock, and fails the moment the mode waits
     * for a lock: on PostgreSQL, as soon as an advisory lock request is not granted (the event), not after
     * some number of seconds. H2 has no view of waiting requests the test could trust, and its lock row is asked
     * for with a one-second lock timeout by design; there the run must simply end while the lock is still held.
     */
    private int refusedWithoutWaiting(String vendor, java.util.concurrent.Callable<Integer> refused) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return refused.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!run.isDone()) {
                if (vendor.equals("postgresql")) {
                    assertThat(db.count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))
                            .as("a lock request that waits while the run lock is held elsewhere").isZero();
                }
                Thread.sleep(5);
            }
            return run.get();
        });
    }

    private List<String> stagedRows() {
        return db.jdbc.query("SELECT run_id, user_id, product_id, item_rank FROM reco_staging ORDER BY run_id, user_id, item_rank",
                (rs, i) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4));
    }

    private void awaitPublishStepRunning(CompletableFuture<Integer> first) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (db.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'publishStep' AND STATUS = 'STARTED'") == 0) {
            assertThat(first).as("the first run ended before it published").isNotDone();
            assertThat(System.nanoTime()).as("the first run did not reach its publish in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
