package com.beershop.reco.outcome;

/**
 * A run that stops on purpose, with the exit code that says why. Thrown from a step, it fails the job; the
 * application maps it to the process exit code.
 */
public class RunRefusedException extends RuntimeException {

    private final int exitCode;

    public RunRefusedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static RunRefusedException rejectedInput(String message) {
        return new RunRefusedException(ExitCodes.REJECTED_INPUT, message);
    }

    public static RunRefusedException qualityRefused(String message) {
        return new RunRefusedException(ExitCodes.QUALITY_REFUSED, message);
    }

    public static RunRefusedException publishRefused(String message) {
        return new RunRefusedException(ExitCodes.PUBLISH_REFUSED, message);
    }

    public static RunRefusedException schemaNotCurrent(String message) {
        return new RunRefusedException(ExitCodes.SCHEMA_NOT_CURRENT, message);
    }

    public static RunRefusedException databaseUnfit(String message) {
        return new RunRefusedException(ExitCodes.DATABASE_UNFIT, message);
    }

    public static RunRefusedException anotherRunActive(String message) {
        return new RunRefusedException(ExitCodes.ANOTHER_RUN_ACTIVE, message);
    }

    /**
     * The run lock's session ended under a living run: whoever holds the lock now, this run must not change
     * anything. Infrastructure (exit 5, retried): a retry either publishes or, if another run holds the lock, exits
     * 8 at once, touching nothing.
     */
    public static RunRefusedException runLockLost(String message) {
        return new RunRefusedException(ExitCodes.INFRASTRUCTURE, message);
    }

    public static RunRefusedException configuration(String message) {
        return new RunRefusedException(ExitCodes.CONFIGURATION, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
