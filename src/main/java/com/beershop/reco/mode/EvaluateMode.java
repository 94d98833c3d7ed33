package com.beershop.reco.mode;

import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.tracking.RunMode;
import org.springframework.batch.core.job.Job;

import java.util.List;

/** {@code evaluate}: the algorithm comparison; it publishes nothing, so it runs beside a run, without the lock. */
final class EvaluateMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.EVALUATE,
            "compare the algorithms of reco.evaluation.candidates on one hold-out; publishes nothing");

    private final JobStarter jobs;
    private final Job comparisonJob;

    EvaluateMode(JobStarter jobs, Job comparisonJob) {
        this.jobs = jobs;
        this.comparisonJob = comparisonJob;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        return JobOutcome.of(jobs.start(comparisonJob, false)).exitCode();
    }
}
