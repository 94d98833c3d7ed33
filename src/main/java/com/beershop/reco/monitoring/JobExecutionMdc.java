package com.beershop.reco.monitoring;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the job execution id into the logging MDC when Spring Batch's job observation starts, so every log line of
 * a run (plain text or Boot's structured formats, e.g. ECS in production) can be tied to its row in
 * reco_run_history and the Batch metadata tables. Not cleared when the observation stops: the summary and the
 * failure line are logged after the job has ended; {@link #clear()} runs when the mode is over. An observation
 * handler rather than a job listener: it covers every job without touching their configurations.
 */
@Component
public class JobExecutionMdc implements ObservationHandler<Observation.Context> {

    /** The MDC key, and with ECS the JSON field, that carries the id. */
    public static final String KEY = "jobExecutionId";

    static final String JOB_OBSERVATION = "spring.batch.job";
    static final String EXECUTION_ID = "spring.batch.job.executionId";

    @Override
    public boolean supportsContext(Observation.Context context) {
        return JOB_OBSERVATION.equals(context.getName());
    }

    private volatile Long lastJobExecutionId;

    @Override
    public void onStart(Observation.Context context) {
        KeyValue executionId = context.getHighCardinalityKeyValue(EXECUTION_ID);
        if (executionId != null) {
            MDC.put(KEY, executionId.getValue());
            lastJobExecutionId = Long.valueOf(executionId.getValue());
        }
    }

    /** The execution this process's last job ran as, or null if it ran none. */
    public Long lastJobExecutionId() {
        return lastJobExecutionId;
    }

    /** Called when the process's mode has ended, so the next run in the same thread does not inherit the id. */
    public static void clear() {
        MDC.remove(KEY);
    }
}
