package com.beershop.reco.outcome;

/**
 * The process exit codes, one per kind of outcome, so that the CronJob's podFailurePolicy can tell a failure
 * worth retrying (infrastructure) from one that retrying cannot fix (bad input, quality refusal, configuration).
 */
public final class ExitCodes {

    /** Published (run), or the mode finished its work (migrate, evaluate, report). */
    public static final int OK = 0;
    /** An unexpected error: a bug. */
    public static final int UNEXPECTED = 1;
    /** Configuration is invalid (unknown mode, algorithm or parameter, a value out of range). */
    public static final int CONFIGURATION = 2;
    /** Input refused: too many rejected ratings, or too few valid ratings left to train. Nothing published. */
    public static final int REJECTED_INPUT = 3;
    /** The quality gate refused the model. Nothing published. */
    public static final int QUALITY_REFUSED = 4;
    /** A database or other infrastructure failure (unreachable, timeout, SQL error). Worth retrying. */
    public static final int INFRASTRUCTURE = 5;
    /** The job's schema is not at the version this build expects: run the {@code migrate} mode first. */
    public static final int SCHEMA_NOT_CURRENT = 6;
    /** Another run holds the run lock: this one touched nothing. The next scheduled run will do. */
    public static final int ANOTHER_RUN_ACTIVE = 8;
    /**
     * A publish guard refused tonight's lists before anything was deleted: no product can be recommended, the input
     * or the lists collapsed against what is live or was last published, or the model produced non-finite scores.
     */
    public static final int PUBLISH_REFUSED = 7;
    /**
     * The database is not fit for a run: the {@code check} mode found a problem, or the run refused to publish on
     * SQL Server with READ_COMMITTED_SNAPSHOT OFF (readers would wait for the whole publish).
     */
    public static final int DATABASE_UNFIT = 9;
    /**
     * Out of memory: the JVM aborts on the first {@code OutOfMemoryError} ({@code -XX:+CrashOnOutOfMemoryError} in
     * the image), 128 + SIGABRT. Set by the JVM, never by our code.
     */
    public static final int OUT_OF_MEMORY = 134;
    /**
     * Stopped by SIGTERM (node drain, pod deleted, deadline): the running step ends, the execution is marked
     * STOPPED and recorded, then the JVM exits with 128 + SIGTERM. Set by the JVM, never by our code.
     */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
