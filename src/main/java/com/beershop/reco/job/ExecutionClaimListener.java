package com.beershop.reco.job;

import com.beershop.reco.schema.RunLocks;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * As the job execution starts, marks it in the database as this living process's (beside the run lock), so a run
 * that takes the lock after this one lost it does not recover an execution whose process still runs.
 */
class ExecutionClaimListener implements JobExecutionListener {

    private final RunLocks runLocks;

    ExecutionClaimListener(RunLocks runLocks) {
        this.runLocks = runLocks;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        runLocks.claimExecution(jobExecution.getId());
    }
}
