package com.beershop.reco.outcome;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.QueryTimeoutException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-history words and the exit code of a job execution, from its status, its failures and whether its
 * publish committed: the row the report shows and the code the CronJob's podFailurePolicy reads.
 */
class JobOutcomeTest {

    private static JobExecution execution(BatchStatus status, Throwable... failures) {
        JobExecution execution = new JobExecution(41L, new JobInstance(7L, "recommendationJob"), new JobParameters());
        execution.setStatus(status);
        for (Throwable failure : failures) {
            execution.addFailureException(failure);
        }
        return execution;
    }

    @Test
    void shouldCallACompletedExecutionWithoutFailuresPublishedWithExitZeroAndNoReason() {
        assertThat(JobOutcome.of(execution(BatchStatus.COMPLETED)))
                .isEqualTo(new JobOutcome(RunOutcome.PUBLISHED, ExitCodes.OK, null));
    }

    @Test
    void shouldClassifyACompletedExecutionThatStillRecordedAFailure() {
        JobOutcome outcome = JobOutcome.of(execution(BatchStatus.COMPLETED, new QueryTimeoutException("late")));

        assertThat(outcome).isEqualTo(new JobOutcome(RunOutcome.INFRASTRUCTURE_FAILURE, ExitCodes.INFRASTRUCTURE, "late"));
    }

    @Test
    void shouldCallARunPublishedOnceItsPublishCommittedWhateverFailedAfterwards() {
        JobExecution failedAfter = execution(BatchStatus.FAILED, new QueryTimeoutException("history insert timed out"));
        JobExecution stoppedAfter = execution(BatchStatus.STOPPED);
        JobOutcome.markPublishCommitted(failedAfter);
        JobOutcome.markPublishCommitted(stoppedAfter);

        assertThat(JobOutcome.of(failedAfter)).isEqualTo(new JobOutcome(RunOutcome.PUBLISHED, ExitCodes.OK,
                "published; afterwards history insert timed out"));
        assertThat(JobOutcome.of(stoppedAfter)).isEqualTo(new JobOutcome(RunOutcome.PUBLISHED, ExitCodes.OK,
                "published; afterwards the job ended STOPPED"));
    }

    @Test
    void shouldKnowAPublishCommittedOnlyWhenMarked() {
        JobExecution execution = execution(BatchStatus.STARTED);

        assertThat(JobOutcome.publishCommitted(execution)).isFalse();
        execution.getExecutionContext().put(JobOutcome.PUBLISH_COMMITTED, Boolean.FALSE);
        assertThat(JobOutcome.publishCommitted(execution)).isFalse();
        JobOutcome.markPublishCommitted(execution);
        assertThat(JobOutcome.publishCommitted(execution)).isTrue();
        assertThat(execution.getExecutionContext().get("reco.publishCommitted")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void shouldRecordAStopBeforeThePublishAsStoppedWithTheSigtermExitCode() {
        assertThat(JobOutcome.of(execution(BatchStatus.STOPPED)))
                .isEqualTo(new JobOutcome(RunOutcome.STOPPED, ExitCodes.TERMINATED, "stopped by SIGTERM before it published"));
    }

    @Test
    void shouldClassifyAFailedExecutionByItsFailuresAndDescribeTheRefusalFirst() {
        JobExecution execution = execution(BatchStatus.FAILED, new QueryTimeoutException("then a timeout"),
                RunRefusedException.publishRefused("no product can be recommended"));

        assertThat(JobOutcome.of(execution)).isEqualTo(new JobOutcome(RunOutcome.PUBLISH_REFUSED, ExitCodes.PUBLISH_REFUSED,
                "no product can be recommended"));
    }

    @Test
    void shouldDescribeAFailedExecutionByItsFirstFailureWhenNoneIsARefusal() {
        JobExecution execution = execution(BatchStatus.FAILED, new IllegalStateException("first"),
                new IllegalArgumentException("second"));

        assertThat(JobOutcome.of(execution)).isEqualTo(new JobOutcome(RunOutcome.FAILED, ExitCodes.UNEXPECTED, "first"));
    }

    @Test
    void shouldTakeTheStepsFailuresInStepOrderBeforeTheJobsOwnAndEachOnce() {
        // given: two failed steps and a failure of the job itself; Spring Batch's own list comes out of a HashSet
        JobExecution execution = execution(BatchStatus.FAILED, new IllegalStateException("job listener failed"));
        IllegalStateException scoring = new IllegalStateException("scoring failed");
        StepExecution load = new StepExecution(1L, "loadRatingsStep", execution);
        StepExecution score = new StepExecution(2L, "scoreUsersStep", execution);
        load.addFailureException(new IllegalArgumentException("a rating without a user"));
        score.addFailureException(scoring);
        score.addFailureException(scoring);
        execution.addStepExecution(load);
        execution.addStepExecution(score);

        // when
        List<Throwable> failures = JobOutcome.failuresInOrder(execution);

        // then
        assertThat(failures).extracting(Throwable::getMessage)
                .containsExactly("a rating without a user", "scoring failed", "job listener failed");
        assertThat(JobOutcome.of(execution).reason()).isEqualTo("a rating without a user");
    }

    @Test
    void shouldSayTheJobDidNotCompleteWhenItFailedWithoutAnyRecordedFailure() {
        assertThat(JobOutcome.of(execution(BatchStatus.FAILED)))
                .isEqualTo(new JobOutcome(RunOutcome.FAILED, ExitCodes.UNEXPECTED, "the job did not complete"));
    }

    @Test
    void shouldNameEveryExitCodeInTheRunHistoryWithItsOwnWord() {
        Map<Integer, String> words = Map.ofEntries(Map.entry(ExitCodes.OK, "PUBLISHED"),
                Map.entry(ExitCodes.UNEXPECTED, "FAILED"),
                Map.entry(ExitCodes.CONFIGURATION, "CONFIGURATION_ERROR"),
                Map.entry(ExitCodes.REJECTED_INPUT, "REJECTED_INPUT"),
                Map.entry(ExitCodes.QUALITY_REFUSED, "QUALITY_REFUSED"),
                Map.entry(ExitCodes.INFRASTRUCTURE, "INFRASTRUCTURE_FAILURE"),
                Map.entry(ExitCodes.SCHEMA_NOT_CURRENT, "SCHEMA_NOT_CURRENT"),
                Map.entry(ExitCodes.PUBLISH_REFUSED, "PUBLISH_REFUSED"),
                Map.entry(ExitCodes.ANOTHER_RUN_ACTIVE, "ANOTHER_RUN_ACTIVE"),
                Map.entry(ExitCodes.DATABASE_UNFIT, "DATABASE_UNFIT"),
                Map.entry(ExitCodes.TERMINATED, "FAILED"));

        words.forEach((code, word) -> assertThat(RunOutcome.of(code).name()).as("exit code %d", code).isEqualTo(word));
    }
}
