package com.beershop.reco.outcome;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How a job execution ended, in the words the run history and the process exit code use. */
public record JobOutcome(RunOutcome outcome, int exitCode, String reason) {

    /**
     * Set in the (in-memory) job execution context the moment the publish transaction has committed: from then on
     * the run published, whatever later bookkeeping fails or a SIGTERM stops.
     */
    public static final String PUBLISH_COMMITTED = "reco.publishCommitted";

    public static JobOutcome of(JobExecution execution) {
        List<Throwable> failures = failuresInOrder(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED && failures.isEmpty()) {
            return new JobOutcome(RunOutcome.PUBLISHED, ExitCodes.OK, null);
        }
        if (publishCommitted(execution)) {
            // the website serves tonight's lists: a retry would run the night again and clear this generation
            return new JobOutcome(RunOutcome.PUBLISHED, ExitCodes.OK, "published; afterwards " + (failures.isEmpty()
                    ? "the job ended " + execution.getStatus() : describe(failures)));
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            // only a SIGTERM stops a run (GracefulStop): record the code the process ends with
            return new JobOutcome(RunOutcome.STOPPED, ExitCodes.TERMINATED, "stopped by SIGTERM before it published");
        }
        int code = FailureClassifier.exitCodeOf(failures);
        return new JobOutcome(RunOutcome.of(code), code, describe(failures));
    }

    /**
     * Every failure of the execution, the steps' in step order and then the job's own: Spring Batch's
     * {@code getAllFailureExceptions()} collects them in a {@code HashSet}, whose order changes from run to run, so
     * "the first failure" (and, between two refusals, the exit code) would change with it.
     */
    static List<Throwable> failuresInOrder(JobExecution execution) {
        Set<Throwable> ordered = new LinkedHashSet<>();
        for (StepExecution step : execution.getStepExecutions()) {
            ordered.addAll(step.getFailureExceptions());
        }
        ordered.addAll(execution.getFailureExceptions());
        return List.copyOf(ordered);
    }

    /** Records that the publish of {@code execution} has committed. */
    public static void markPublishCommitted(JobExecution execution) {
        execution.getExecutionContext().put(PUBLISH_COMMITTED, Boolean.TRUE);
    }

    public static boolean publishCommitted(JobExecution execution) {
        return Boolean.TRUE.equals(execution.getExecutionContext().get(PUBLISH_COMMITTED));
    }

    private static String describe(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return "the job did not complete";
        }
        Throwable first = failures.stream().filter(RunRefusedException.class::isInstance).findFirst()
                .orElse(failures.get(0));
        return FailureClassifier.describe(first);
    }
}
