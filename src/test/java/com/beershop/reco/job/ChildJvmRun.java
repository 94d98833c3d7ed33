package com.beershop.reco.job;

import com.beershop.reco.BeerRecoApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of the application in a JVM of its own, as the pod runs it, for the tests that signal or kill it; and the
 * event those tests wait for (the run has staged rows), not a time.
 */
final class ChildJvmRun {

    /** Only against a hang: the waits below end on an event or on the run's own end, never on this in a passing run. */
    private static final long HANG_GUARD_MINUTES = 10;

    final Process process;
    private final Path log;

    private ChildJvmRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code run} on {@code db} with its output in {@code log}. Model selection is off: the test needs a run
     * that reaches its staging quickly and predictably, not the best model.
     */
    static ChildJvmRun start(TestDatabase db, Path log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                BeerRecoApplication.class.getName(), "run",
                "--spring.datasource.url=" + db.url,
                "--spring.datasource.username=" + db.username,
                "--reco.sample-data.seed=NEVER",
                "--reco.input.min-ratings=100",
                "--reco.selection.enabled=false"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvmRun(process, log);
    }

    /**
     * Starts {@code run} on {@code db}, published to before, and returns once it stages rows of its own: in small
     * batches, so that it is still at it when the test signals or kills it.
     */
    static ChildJvmRun caughtStaging(TestDatabase db, Path log, String... extra) throws Exception {
        long published = db.count("SELECT MAX(job_execution_id) FROM reco_run_history");
        List<String> args = new ArrayList<>(List.of("--reco.publish.batch-size=20"));
        args.addAll(List.of(extra));
        ChildJvmRun run = start(db, log, args.toArray(String[]::new));
        run.awaitStagedRows(db, published);
        return run;
    }

    /** Waits until the run has staged rows of its own (the published generation {@code published} is staged already). */
    private void awaitStagedRows(TestDatabase db, long published) throws InterruptedException {
        long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_GUARD_MINUTES);
        while (db.count("SELECT COUNT(*) FROM reco_staging WHERE run_id <> ?", published) == 0) {
            assertThat(process.isAlive()).as("the run ended before it staged anything: %s", output()).isTrue();
            assertThat(System.nanoTime()).as("the run hangs before staging: %s", output()).isLessThan(guard);
            Thread.sleep(20);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
