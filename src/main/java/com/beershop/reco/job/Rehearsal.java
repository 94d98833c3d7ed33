package com.beershop.reco.job;

import com.beershop.reco.outcome.FailureClassifier;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.tracking.RunEnd;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The {@code rehearse} mode around its job: after the night's steps (the publish rolled back), logs what each step
 * did and one verdict line, and gives the exit code the real night would have had. As the job's listener it clears
 * the rehearsal's staged rows whatever the outcome: they are no generation, and a republish must never find them.
 */
public class Rehearsal implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(Rehearsal.class);

    private final RunHistoryRepository history;
    private final StagingRepository staging;
    private final String liveTable;

    public Rehearsal(RunHistoryRepository history, StagingRepository staging, String liveTable) {
        this.history = history;
        this.staging = staging;
        this.liveTable = liveTable;
    }

    /** A rehearsal's run-history end: outcome REHEARSED, never published; the exit code the night would have had. */
    static RunEnd end(JobOutcome outcome) {
        String reason = outcome.outcome() == RunOutcome.PUBLISHED
                ? "a real night would have published; the publish was rolled back"
                : "a real night would have ended " + outcome.outcome() + ": " + outcome.reason();
        return new RunEnd(LocalDateTime.now(), RunOutcome.REHEARSED, reason, outcome.exitCode(), false);
    }

    @Override
    public void afterJob(JobExecution execution) {
        clearStagedRows(execution);
    }

    void clearStagedRows(JobExecution execution) {
        try {
            int cleared = staging.clearRun(execution.getId());
            log.info("Rehearsal: cleared its {} staged rows (a rehearsal leaves no generation)", cleared);
        } catch (RuntimeException e) {
            // the next run's staging clears rows of runs that never published
            log.warn("Rehearsal: could not clear its staged rows: {}", e.toString());
        }
    }

    /**
     * Runs {@code rehearse}, then logs each step and the verdict line.
     *
     * @return the exit code the real night would have had (0 only when it would have published)
     */
    public int report(Callable<JobExecution> rehearse) throws Exception {
        JobExecution execution;
        try {
            execution = rehearse.call();
        } catch (RuntimeException refused) {
            // refused before the job started: the run lock is taken, the schema is not current, ...
            int code = FailureClassifier.exitCodeOf(refused);
            log.error("REHEARSAL FAILED (exit {}): a real night would have ended {} before its first step: {}; {} is"
                    + " unchanged", code, RunOutcome.of(code), FailureClassifier.describe(refused), liveTable);
            return code;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            log.info(String.format(Locale.ROOT, "Rehearsal step %-26s %-9s read %,d, written %,d, filtered %,d, %.1f s",
                    step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
                    step.getFilterCount(), seconds(step)));
        }
        JobOutcome outcome = JobOutcome.of(execution);
        if (outcome.exitCode() == 0) {
            RunRecord row = history.ofJobExecution(execution.getId()).orElseThrow();
            long lockMillis = execution.getStepExecutions().stream()
                    .filter(s -> s.getExecutionContext().containsKey(RehearsePublishTasklet.LOCK_MILLIS))
                    .mapToLong(s -> s.getExecutionContext().getLong(RehearsePublishTasklet.LOCK_MILLIS))
                    .findFirst().orElse(-1);
            log.info(String.format(Locale.ROOT, "REHEARSAL PASSED (exit 0): a real night would have published %,d rows"
                            + " for %,d users to %s, its rows locked for %,d ms; rolled back, %s is unchanged",
                    row.rowsPublished(), row.users(), liveTable, lockMillis, liveTable));
        } else {
            log.error("REHEARSAL FAILED (exit {}): a real night would have ended {}: {}; {} is unchanged",
                    outcome.exitCode(), outcome.outcome(), outcome.reason(), liveTable);
        }
        return outcome.exitCode();
    }

    private static double seconds(StepExecution step) {
        if (step.getStartTime() == null) {
            return 0;
        }
        LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
        return Duration.between(step.getStartTime(), end).toMillis() / 1000.0;
    }
}
