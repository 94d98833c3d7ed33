package com.beershop.reco.outcome;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a run ended, as the run history's {@code outcome} column and the {@code reco_run_outcome} series record it:
 * by the constant's name, so the column keeps the words it always held.
 */
public enum RunOutcome {
    PUBLISHED,
    /** Every {@code rehearse} row; its exit code says how the real night would have ended. */
    REHEARSED,
    /** A {@code republish} that put an earlier generation back. */
    REPUBLISHED,
    /** One candidate of {@code evaluate} that was trained and measured. */
    EVALUATED,
    /** Stopped by SIGTERM before it published. */
    STOPPED,
    REJECTED_INPUT,
    QUALITY_REFUSED,
    CONFIGURATION_ERROR,
    INFRASTRUCTURE_FAILURE,
    SCHEMA_NOT_CURRENT,
    PUBLISH_REFUSED,
    DATABASE_UNFIT,
    ANOTHER_RUN_ACTIVE,
    FAILED;

    /** The outcome of a run that ended with {@code exitCode}. */
    public static RunOutcome of(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.OK -> PUBLISHED;
            case ExitCodes.REJECTED_INPUT -> REJECTED_INPUT;
            case ExitCodes.QUALITY_REFUSED -> QUALITY_REFUSED;
            case ExitCodes.CONFIGURATION -> CONFIGURATION_ERROR;
            case ExitCodes.INFRASTRUCTURE -> INFRASTRUCTURE_FAILURE;
            case ExitCodes.SCHEMA_NOT_CURRENT -> SCHEMA_NOT_CURRENT;
            case ExitCodes.PUBLISH_REFUSED -> PUBLISH_REFUSED;
            case ExitCodes.DATABASE_UNFIT -> DATABASE_UNFIT;
            case ExitCodes.ANOTHER_RUN_ACTIVE -> ANOTHER_RUN_ACTIVE;
            default -> FAILED;
        };
    }

    /**
     * The outcome a run-history row recorded; empty for null or a word this build does not know (a row written by a
     * newer version), which a reader of old rows must survive.
     */
    public static Optional<RunOutcome> named(String word) {
        return Arrays.stream(values()).filter(o -> o.name().equals(word)).findFirst();
    }

    /** Whether the run was refused on purpose (its input, the quality gate or a publish guard said no). */
    public boolean refused() {
        return this == REJECTED_INPUT || this == QUALITY_REFUSED || this == PUBLISH_REFUSED;
    }
}
