package com.beershop.reco.mode;

import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.tracking.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;

import java.util.List;

/**
 * {@code select}: the model selection alone, recorded for the nights that follow to reuse (the weekly CronJob runs
 * it). It publishes nothing, so it runs beside a run, without the lock.
 */
final class SelectMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.SELECT,
            "run the model selection now and record its choice for the nightly runs; publishes nothing");

    private static final Logger log = LoggerFactory.getLogger(SelectMode.class);

    private final JobStarter jobs;
    private final Job selectionJob;
    private final boolean selectionEnabled;

    SelectMode(JobStarter jobs, Job selectionJob, boolean selectionEnabled) {
        this.jobs = jobs;
        this.selectionJob = selectionJob;
        this.selectionEnabled = selectionEnabled;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        if (!selectionEnabled) {
            log.warn("reco.selection.enabled=false: the nightly runs train the configured model and will not use"
                    + " this selection until selection is switched on");
        }
        return JobOutcome.of(jobs.start(selectionJob, false)).exitCode();
    }
}
