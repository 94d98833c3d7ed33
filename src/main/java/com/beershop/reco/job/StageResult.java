package com.beershop.reco.job;

import java.util.Objects;
import java.util.Optional;

/**
 * One stage's result within a job execution: written once by the step that makes it, read by the steps after it.
 * Each is a job-scoped bean, so large data (millions of ratings, the model) stays in memory rather than in the
 * serialised execution context, and is gone when the execution ends. Not final: job scope proxies it.
 */
public class StageResult<T> {

    private final String what;
    private T value;

    public StageResult(String what) {
        this.what = what;
    }

    public void set(T result) {
        if (value != null) {
            throw new IllegalStateException(what + " was already set in this run");
        }
        value = Objects.requireNonNull(result, what);
    }

    /** The result; fails when the step that makes it has not run, which is a wiring error. */
    public T get() {
        if (value == null) {
            throw new IllegalStateException(what + " is not available: the step that makes it did not run");
        }
        return value;
    }

    /** The result, or null when the run did not get that far (for the run record). */
    public T orNull() {
        return value;
    }

    public Optional<T> find() {
        return Optional.ofNullable(value);
    }
}
