package com.beershop.reco.job;

import com.beershop.reco.config.JobProperties;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.JobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * SIGTERM (a node drain, a deleted pod, the Job's deadline) stops the running job at its next step or chunk
 * boundary, so the execution ends STOPPED, with its run-history row, instead of being left STARTED.
 *
 * <p>Spring Batch 6 does not do this by itself: its {@code JobExecutionShutdownHook} has to be registered by hand,
 * does not wait for the job to end, and runs as a JVM shutdown hook beside Boot's, which closes the DataSource
 * meanwhile. This bean listens for the context-closed event instead, first among its listeners: Boot's shutdown
 * hook closes the context, whose first act is that event (before lifecycle beans stop and long before any bean,
 * the DataSource included, is destroyed), and this bean holds the close until the job has ended or
 * {@code reco.job.stop-timeout} has passed. The run-history row is written by then, so the run metrics published
 * on the same event, right after this listener, describe the stopped run. The JVM then exits with 143.
 *
 * <p>A running publish step is let finish: it is one short transaction, and stopping it after its commit would
 * record a published run as stopped. When it commits, the run is recorded as published and the process ends with
 * 0, not 143, so that the CronJob does not run the night again.
 */
@Component
public class GracefulStop implements ApplicationListener<ContextClosedEvent>, Ordered, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    static final String UNINTERRUPTED_STEP = "publishStep";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final JobOperator jobOperator;
    private final Duration timeout;
    private volatile boolean stopRequested;
    private volatile JobExecution execution;
    private volatile CountDownLatch jobEnded;

    GracefulStop(JobOperator jobOperator, JobProperties jobProperties) {
        this.jobOperator = jobOperator;
        this.timeout = jobProperties.stopTimeout();
    }

    /** Runs {@code launch} (which starts a job and returns when it has ended); a SIGTERM meanwhile stops that job. */
    public JobExecution whileRunning(Supplier<JobExecution> launch) {
        jobEnded = new CountDownLatch(1);
        Runnable exitOkIfPublished = this::exitOkIfPublished;
        SpringApplication.getShutdownHandlers().add(exitOkIfPublished);
        try {
            return launch.get();
        } finally {
            // after the launcher stored the execution's final status, so the DataSource may close now
            jobEnded.countDown();
            try {
                SpringApplication.getShutdownHandlers().remove(exitOkIfPublished);
            } catch (IllegalStateException shutdownInProgress) {
                // a signal is ending the process: the handler runs last and decides its exit code
            }
        }
    }

    /**
     * The last act of a shutdown by signal: the JVM would end with 143 even when the publish let finish has
     * committed, and the CronJob would then run the whole night again. Runs after the context has closed (the
     * run-history row written, the metrics pushed); halts only when that run published.
     */
    private void exitOkIfPublished() {
        JobExecution stopped = execution;
        if (stopRequested && stopped != null && JobOutcome.publishCommitted(stopped)) {
            log.warn("Shutdown: job execution {} published before it could stop; the process ends with exit code 0",
                    stopped.getId());
            Runtime.getRuntime().halt(ExitCodes.OK);
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        execution = jobExecution;
        if (stopRequested) {
            // the signal came while the job was being launched
            requestStop(jobExecution);
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopRequested = true;
        CountDownLatch ended = jobEnded;
        if (ended == null || ended.getCount() == 0) {
            return;
        }
        long started = System.nanoTime();
        JobExecution running = execution;
        if (running != null && !isRunning(running, UNINTERRUPTED_STEP)) {
            requestStop(running);
        }
        try {
            if (ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Shutdown: the job ended {} ms after the stop signal", (System.nanoTime() - started) / 1_000_000);
            } else {
                log.error("Shutdown: the job did not stop within {}; the process ends anyway, and the next run marks "
                        + "the execution failed", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void requestStop(JobExecution running) {
        if (!running.isRunning() || running.isStopping()) {
            return;
        }
        log.warn("Shutdown signal: stopping job execution {} at its next step or chunk boundary", running.getId());
        try {
            jobOperator.stop(running);
        } catch (JobExecutionNotRunningException e) {
            log.info("Job execution {} had already ended", running.getId());
        } catch (RuntimeException e) {
            log.error("Could not stop job execution {}: {}", running.getId(), e.toString());
        }
    }

    private static boolean isRunning(JobExecution execution, String stepName) {
        try {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().equals(stepName) && step.getStatus().isRunning()) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // the job thread added a step while we copied the list: that step is not the publish yet
        }
        return false;
    }

    /** Before every other listener of the event; {@code RunMetricsPublisher} comes right after. */
    @Override
    public int getOrder() {
        return ORDER;
    }
}
