package com.beershop.reco.mode;

import com.beershop.reco.job.GracefulStop;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.schema.RunLock;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.seed.SampleDataSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Starts a job for {@code run}, {@code rehearse} and {@code evaluate}: schema checked, sample data seeded where
 * wanted, executions of dead processes recovered, SIGTERM turned into a graceful stop; logs how it ended.
 */
class JobStarter {

    private static final Logger log = LoggerFactory.getLogger(JobStarter.class);

    private final SchemaManager schema;
    private final SampleDataSeeder seeder;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunLocks runLocks;
    private final GracefulStop gracefulStop;
    private final Duration staleAfter;

    /** @param staleAfter how long a running execution may go without an update before a lockless start recovers it */
    JobStarter(SchemaManager schema, SampleDataSeeder seeder, JobOperator jobOperator, JobRepository jobRepository,
               RunLocks runLocks, GracefulStop gracefulStop, Duration staleAfter) {
        this.schema = schema;
        this.seeder = seeder;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.runLocks = runLocks;
        this.gracefulStop = gracefulStop;
        this.staleAfter = staleAfter;
    }

    /** {@code exclusive}: hold the run lock for the whole run; a run that cannot get it touches nothing. */
    JobExecution start(Job job, boolean exclusive) throws Exception {
        schema.prepareForRun();
        try (RunLock lock = exclusive ? runLocks.acquireForRun() : null) {
            seeder.seedIfWanted();
            recoverDeadExecutions(job, lock != null);
            JobExecution execution = gracefulStop.whileRunning(() -> jobOperator.startNextInstance(job));
            JobOutcome outcome = JobOutcome.of(execution);
            if (outcome.exitCode() != ExitCodes.OK) {
                log.error("Job execution {} ended {} (exit code {}): {}", execution.getId(), outcome.outcome(),
                        outcome.exitCode(), outcome.reason());
            } else if (outcome.reason() != null) {
                log.warn("Job execution {} {}", execution.getId(), outcome.reason());
            }
            return execution;
        }
    }

    /**
     * Marks executions left "running" by a process that died as failed, so the metadata tells the truth. Under
     * the run lock, an execution is dead unless its process still marks it as its own (a living run that lost its
     * lock ends itself, refusing to publish); without the lock, only old ones count.
     */
    private void recoverDeadExecutions(Job job, boolean holdingRunLock) throws SQLException {
        LocalDateTime cutoff = LocalDateTime.now().minus(staleAfter);
        for (JobExecution running : jobRepository.findRunningJobExecutions(job.getName())) {
            LocalDateTime updated = running.getLastUpdated() != null
                    ? running.getLastUpdated() : running.getStartTime();
            if (holdingRunLock && runLocks.executionOwnerAlive(running.getId())) {
                log.warn("Job execution {} is still running in a process that lost the run lock: it cannot publish"
                        + " and ends itself; not recovered", running.getId());
                continue;
            }
            if (holdingRunLock || updated == null || updated.isBefore(cutoff)) {
                log.warn("Recovering job execution {} left running since {} by a process that died",
                        running.getId(), updated);
                jobOperator.recover(running);
            }
        }
    }
}
