package com.beershop.reco.mode;

import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.tracking.RunMode;
import org.springframework.batch.core.job.Job;

import java.util.List;

/** {@code run}, the default: the nightly job, under the run lock. */
final class NightlyRunMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.RUN,
            "(default) the nightly job: load, check input, evaluate, gate, train, score, stage, publish");

    private final JobStarter jobs;
    private final Job recommendationJob;

    NightlyRunMode(JobStarter jobs, Job recommendationJob) {
        this.jobs = jobs;
        this.recommendationJob = recommendationJob;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        return JobOutcome.of(jobs.start(recommendationJob, true)).exitCode();
    }
}
