package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish is one transaction, proven on purpose rather than by a reader that happens to read at the right moment:
 * a trigger on the live table holds the publish open after its DELETE and its INSERT, before the commit, while a
 * reader on another connection reads the table; and a trigger makes the publish fail after its DELETE, which must
 * roll back. On H2 (the SQL Server scripts) a Java trigger; on PostgreSQL a PL/pgSQL one.
 */
class AtomicPublishTest {

    /** The advisory lock key the PostgreSQL trigger waits on (any number no other code uses). */
    private static final long HOLD_KEY = 7_150_001L;

    private TestDatabase db;

    @AfterEach
    void dropDatabase() {
        HoldPublishOnH2.reset();
        if (db != null) {
            db.close();
        }
    }

    private void publishedOnceThenChanged(String vendor) throws Exception {
        db = vendor.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        // 20 users leave the shop: tonight's lists differ from yesterday's
        db.jdbc.update("DELETE FROM ratings WHERE user_id < ?", "U00021");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldShowReadersYesterdaysRowsWhileThePublishHasDeletedAndInsertedButNotCommitted(String vendor)
            throws Exception {
        // given: a publish that will stop after its DELETE and INSERT, inside its transaction
        publishedOnceThenChanged(vendor);
        List<String> yesterday = db.liveRows();
        CompletableFuture<Integer> run;
        try (Connection holder = DriverManager.getConnection(db.url, db.username, db.password)) {
            holdThePublishOpen(vendor, holder);
            run = CompletableFuture.supplyAsync(() -> db.run("run"));
            awaitThePublishHeld(vendor, run);

            // when: a reader on another connection reads the live table now
            List<String> seenDuringPublish = db.liveRows();

            // then
            assertThat(seenDuringPublish).as("what a reader sees while the publish transaction is open")
                    .isEqualTo(yesterday);
            assertThat(run).as("the run waits in its publish").isNotDone();
            release(vendor, holder);
        }
        assertThat(run.get(5, TimeUnit.MINUTES)).isEqualTo(ExitCodes.OK);
        List<String> today = db.liveRows();
        assertThat(today).as("after the commit").isNotEqualTo(yesterday);
        assertThat(today).isEqualTo(staged(db.count("SELECT MAX(job_execution_id) FROM reco_run_history")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRollBackTheDeleteAndExitInfrastructureWhenTheInsertFails(String vendor) throws Exception {
        // given: the INSERT of the publish fails, after its DELETE ran in the same transaction
        publishedOnceThenChanged(vendor);
        List<String> yesterday = db.liveRows();
        failTheInsert(vendor);

        // when
        int exit = db.run("run");

        // then
        assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(db.liveRows()).as("the live table after the failed publish").isEqualTo(yesterday);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRollBackAPublishThatCopiedMoreRowsThanTheRunStagedAndExitInfrastructure(String vendor)
            throws Exception {
        // given: at the publish's first DELETE, one more row of tonight's run appears in the staging table (as a
        // concurrent writer would make it), so what went live does not match what was staged. Once: the publish may
        // run several DELETE statements (the gone rows, by their values)
        publishedOnceThenChanged(vendor);
        List<String> yesterday = db.liveRows();
        String extraRow = """
                INSERT INTO reco_staging (run_id, user_id, product_id, item_rank)
                SELECT last_run, 'U-extra', 'B-extra', 1 FROM (SELECT MAX(run_id) AS last_run FROM reco_staging) r
                 WHERE NOT EXISTS (SELECT 1 FROM reco_staging WHERE user_id = 'U-extra')""";
        if (vendor.equals("h2")) {
            StageExtraRowOnH2.sql = extraRow;
            StageExtraRowOnH2.FIRED.set(false);
            db.jdbc.execute("CREATE TRIGGER stage_extra_row AFTER DELETE ON recommendations CALL '"
                    + StageExtraRowOnH2.class.getName() + "'");
        } else {
            db.jdbc.execute("CREATE FUNCTION stage_extra_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + extraRow + "; RETURN NULL; END $$");
            db.jdbc.execute("CREATE TRIGGER stage_extra_row AFTER DELETE ON recommendations"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION stage_extra_row()");
        }

        // when
        int exit = db.run("run");

        // then
        assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(db.liveRows()).as("the live table after the rolled-back publish").isEqualTo(yesterday);
        assertThat(db.count("SELECT COUNT(*) FROM recommendations WHERE user_id = 'U-extra'")).isZero();
        assertThat(db.jdbc.queryForObject("SELECT outcome_reason FROM reco_run_history WHERE id ="
                + " (SELECT MAX(id) FROM reco_run_history)", String.class)).contains("rolled back");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void shouldRollBackARepublishWhoseInsertFailsAndExitInfrastructure(String vendor) throws Exception {
        // given: a second night published other lists; the INSERT of the republish will fail after its DELETE
        publishedOnceThenChanged(vendor);
        long first = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        List<String> live = db.liveRows();
        long history = db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true);
        failTheInsert(vendor);

        // when
        int exit = db.run("republish", String.valueOf(first));

        // then
        assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(db.liveRows()).as("the live table after the failed republish").isEqualTo(live);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true)).isEqualTo(history);
    }

    private List<String> staged(long runId) {
        return db.jdbc.query("SELECT user_id, product_id, item_rank FROM reco_staging WHERE run_id = ?"
                        + " ORDER BY user_id, item_rank",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), runId);
    }

    /** A trigger that fails every INSERT into the live table, after the publish's DELETE ran. */
    private void failTheInsert(String vendor) {
        if (vendor.equals("h2")) {
            db.jdbc.execute("CREATE TRIGGER fail_publish BEFORE INSERT ON recommendations CALL '"
                    + FailInsertOnH2.class.getName() + "'");
        } else {
            db.jdbc.execute("""
                    CREATE FUNCTION fail_publish() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'injected failure between the DELETE and the INSERT'; END $$""");
            db.jdbc.execute("CREATE TRIGGER fail_publish BEFORE INSERT ON recommendations"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION fail_publish()");
        }
    }

    /** A trigger after the publish's INSERT that waits until the test lets it go. */
    private void holdThePublishOpen(String vendor, Connection holder) throws SQLException {
        if (vendor.equals("h2")) {
            db.jdbc.execute("CREATE TRIGGER hold_publish AFTER INSERT ON recommendations CALL '"
                    + HoldPublishOnH2.class.getName() + "'");
            return;
        }
        try (Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + HOLD_KEY + ")");
        }
        db.jdbc.execute("CREATE FUNCTION hold_publish() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " PERFORM pg_advisory_lock(" + HOLD_KEY + "); PERFORM pg_advisory_unlock(" + HOLD_KEY + ");"
                + " RETURN NULL; END $$");
        db.jdbc.execute("CREATE TRIGGER hold_publish AFTER INSERT ON recommendations"
                + " FOR EACH STATEMENT EXECUTE FUNCTION hold_publish()");
    }

    /** Waits for the event (the trigger is waiting), not for a time. */
    private void awaitThePublishHeld(String vendor, CompletableFuture<Integer> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!publishHeld(vendor)) {
            assertThat(run).as("the run ended before its publish was held").isNotDone();
            assertThat(System.nanoTime()).as("the run did not reach its publish").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private boolean publishHeld(String vendor) throws InterruptedException {
        if (vendor.equals("h2")) {
            return HoldPublishOnH2.reached.await(20, TimeUnit.MILLISECONDS);
        }
        return db.count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND ((classid::bigint << 32) | objid::bigint) = " + HOLD_KEY) > 0;
    }

    private void release(String vendor, Connection holder) throws SQLException {
        if (vendor.equals("h2")) {
            HoldPublishOnH2.release.countDown();
            return;
        }
        try (Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + HOLD_KEY + ")");
        }
    }

    /** H2 runs its triggers in the job's own transaction, on the job's thread: this one waits for the test. */
    public static class HoldPublishOnH2 implements Trigger {
        static volatile CountDownLatch reached = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        static void reset() {
            reached = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            reached.countDown();
            try {
                if (!release.await(5, TimeUnit.MINUTES)) {
                    throw new SQLException("the test never released the publish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            }
        }
    }

    public static class FailInsertOnH2 implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("injected failure between the DELETE and the INSERT");
        }
    }

    /** Stages the extra row at the first DELETE it sees, and only then. */
    public static class StageExtraRowOnH2 implements Trigger {
        static volatile String sql;
        static final AtomicBoolean FIRED = new AtomicBoolean();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (FIRED.compareAndSet(false, true)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
