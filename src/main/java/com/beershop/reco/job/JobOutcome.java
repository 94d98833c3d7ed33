package com.beershop.reco.job;

import com.beershop.reco.ExitCodes;
import com.beershop.reco.FailureClassifier;
import com.beershop.reco.RunRefusedException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.util.List;

/** How a job execution ended, in the words the run history and the process exit code use. */
public record JobOutcome(String outcome, int exitCode, String reason) {

    public static final String PUBLISHED = "PUBLISHED";

    public static JobOutcome of(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (execution.getStatus() == BatchStatus.COMPLETED && failures.isEmpty()) {
            return new JobOutcome(PUBLISHED, ExitCodes.OK, null);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new JobOutcome("STOPPED", ExitCodes.INFRASTRUCTURE, "the job was stopped before it published");
        }
        int code = FailureClassifier.exitCodeOf(failures);
        String outcome = switch (code) {
            case ExitCodes.REJECTED_INPUT -> "REJECTED_INPUT";
            case ExitCodes.QUALITY_REFUSED -> "QUALITY_REFUSED";
            case ExitCodes.CONFIGURATION -> "CONFIGURATION_ERROR";
            case ExitCodes.INFRASTRUCTURE -> "INFRASTRUCTURE_FAILURE";
            case ExitCodes.SCHEMA_NOT_CURRENT -> "SCHEMA_NOT_CURRENT";
            default -> "FAILED";
        };
        return new JobOutcome(outcome, code, describe(failures));
    }

    private static String describe(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return "the job did not complete";
        }
        Throwable first = failures.stream().filter(RunRefusedException.class::isInstance).findFirst()
                .orElse(failures.get(0));
        Throwable root = first;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof RunRefusedException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == first ? message : first.getClass().getSimpleName() + ": " + message;
    }
}
