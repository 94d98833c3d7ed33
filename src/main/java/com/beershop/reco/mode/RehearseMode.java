package com.beershop.reco.mode;

import com.beershop.reco.job.Rehearsal;
import com.beershop.reco.tracking.RunMode;
import org.springframework.batch.core.job.Job;

import java.util.List;

/** {@code rehearse}: the night with its publish rolled back; the exit code is the one the real night would have. */
final class RehearseMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.REHEARSE, """
            a whole night on the configured database, its publish rolled back: what each step
            did, how long the live table stayed locked, the log it wrote, one verdict line; exit 0
            only when a real night would publish (run it first on a new database)""");

    private final JobStarter jobs;
    private final Job rehearsalJob;
    private final Rehearsal rehearsal;

    RehearseMode(JobStarter jobs, Job rehearsalJob, Rehearsal rehearsal) {
        this.jobs = jobs;
        this.rehearsalJob = rehearsalJob;
        this.rehearsal = rehearsal;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        return rehearsal.report(() -> jobs.start(rehearsalJob, true));
    }
}
