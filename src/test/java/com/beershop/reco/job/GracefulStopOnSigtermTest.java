package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.testing.ExternalTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (node drain, deleted pod, deadline) stops a run gracefully: the execution ends STOPPED or FAILED, never
 * STARTED, the run history and the pushed metrics say so, the live table is untouched, and the next run starts at
 * once. The run is a real second JVM on the local PostgreSQL, pushing to the real Pushgateway that .ci/run starts on
 * 127.0.0.1:9091; {@link Process#destroy()} sends it SIGTERM.
 */
class GracefulStopOnSigtermTest {

    private static final String PUSHGATEWAY = ExternalTool.PUSHGATEWAY_URL;

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String instance = "test-" + UUID.randomUUID();

    private TestDatabase db;

    @BeforeEach
    void publishedOnce() throws Exception {
        ExternalTool.PUSHGATEWAY.require();
        db = TestDatabase.postgres();
        db.publishOneNight();
    }

    @AfterEach
    void dropDatabaseAndGroup() throws Exception {
        if (db == null) {
            return; // the Pushgateway was missing: nothing was created
        }
        db.close();
        http.send(HttpRequest.newBuilder(URI.create(PUSHGATEWAY + "/metrics/job/beer-reco-batch/instance/" + instance))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void shouldStopOnSigtermRecordTheStopKeepLiveRowsAndLetTheNextRunPublishAtOnce() throws Exception {
        // given: a run that is staging its rows (small batches, so it is still at it when the signal comes)
        List<String> yesterday = db.liveRows();
        long historyRows = db.count("SELECT COUNT(*) FROM reco_run_history");
        long published = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        Path log = logs.resolve("victim.log");
        Process victim = ChildJvmRun.caughtStaging(db, log, pushingArguments()).process;

        // when
        long signalled = System.nanoTime();
        victim.destroy();
        boolean ended = victim.waitFor(3, TimeUnit.MINUTES);
        System.out.printf("SIGTERM to exit: %.1f s%n", (System.nanoTime() - signalled) / 1e9);

        // then
        assertThat(ended).as("the run ended after SIGTERM").isTrue();
        assertThat(victim.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.TERMINATED);
        assertThat(db.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
                String.class)).isIn("STOPPED", "FAILED");
        assertThat(db.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE END_TIME IS NULL")).as("left running").isZero();
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history")).as("history rows; the run's log: %s",
                Files.readString(log)).isEqualTo(historyRows + 1);
        Map<String, Object> stopped = db.jdbc.queryForMap("SELECT * FROM reco_run_history ORDER BY id DESC LIMIT 1");
        assertThat(stopped).containsEntry("outcome", "STOPPED").containsEntry("published", false);
        assertThat(((Number) stopped.get("exit_code")).intValue()).isEqualTo(ExitCodes.TERMINATED);
        assertThat(db.liveRows()).as("live table after SIGTERM").isEqualTo(yesterday);
        assertThat(pushedSamples()).as("pushed by the stopped run")
                .contains("reco_run_exit_code 143", "reco_run_outcome{outcome=\"STOPPED\"} 1", "reco_run_published 0");

        // and the next run, with the default configuration, starts at once and publishes
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        assertThat(db.liveRows()).isEqualTo(yesterday);
        assertThat(db.jdbc.queryForObject("SELECT outcome FROM reco_run_history ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("PUBLISHED");
        long next = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        assertThat(db.jdbc.queryForList("SELECT DISTINCT run_id FROM reco_staging ORDER BY run_id", Long.class))
                .as("the stopped run's rows are gone; the two published generations stay").containsExactly(published, next);
    }

    @Test
    void shouldEndPublishedWithExitZeroWhenSigtermArrivesDuringAPublishThatCommits() throws Exception {
        // given: a reader holds row locks on the live table, so the publish's DELETE waits for it; one user's rows
        // changed in the live table, so the publish, which writes only what changed, must delete those rows
        long published = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        db.jdbc.update("UPDATE recommendations SET product_id = 'B-changed'"
                + " WHERE user_id = (SELECT MIN(user_id) FROM recommendations)");
        Path log = logs.resolve("publishing.log");
        Process victim;
        try (Connection reader = DriverManager.getConnection(db.url, db.username, db.password)) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("SELECT * FROM recommendations FOR UPDATE");
            }
            victim = ChildJvmRun.start(db, log, pushingArguments()).process;
            awaitDeleteWaitingForTheLock(victim, log);

            // when: SIGTERM while the DELETE waits, then the reader lets go
            victim.destroy();
            Thread.sleep(1_000);
            reader.rollback();
        }
        boolean ended = victim.waitFor(3, TimeUnit.MINUTES);

        // then: the publish committed, so the run is published and the pod succeeds (no night run again)
        assertThat(ended).as("the run ended after SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(victim.exitValue()).as(output).isEqualTo(ExitCodes.OK);
        assertThat(output).contains("published before it could stop");
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM reco_run_history ORDER BY id DESC LIMIT 1");
        assertThat(row).containsEntry("outcome", "PUBLISHED").containsEntry("published", true);
        assertThat(((Number) row.get("exit_code")).intValue()).isEqualTo(ExitCodes.OK);
        assertThat(((Number) row.get("job_execution_id")).longValue()).isGreaterThan(published);
        assertThat(db.count("SELECT COUNT(*) FROM recommendations")).isEqualTo(((Number) row.get("rows_published")).longValue());
        assertThat(pushedSamples()).as("pushed by the published run")
                .contains("reco_run_exit_code 0", "reco_run_outcome{outcome=\"PUBLISHED\"} 1", "reco_run_published 1");
    }

    private void awaitDeleteWaitingForTheLock(Process victim, Path log) throws Exception {
        long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); // only against a hang
        while (db.count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM recommendations%'") == 0) {
            assertThat(victim.isAlive()).as("the run ended before its publish: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the run hangs before its publish").isLessThan(guard);
            Thread.sleep(20);
        }
    }

    /** The run pushes its metrics to the Pushgateway under this test's own instance label. */
    private String[] pushingArguments() {
        return new String[]{"--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:9091",
                "--management.prometheus.metrics.export.pushgateway.grouping-key.instance=" + instance};
    }

    /** This test's samples on the Pushgateway, without the job and instance labels: {@code name{labels} value}. */
    private List<String> pushedSamples() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(PUSHGATEWAY + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String grouping = "instance=\"" + instance + "\",job=\"beer-reco-batch\"";
        return body.lines().filter(line -> line.startsWith("reco_") && line.contains(grouping))
                .map(line -> line.replace(grouping + ",", "").replace("{" + grouping + "}", "")).toList();
    }
}
