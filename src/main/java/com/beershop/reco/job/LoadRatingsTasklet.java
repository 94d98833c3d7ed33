package com.beershop.reco.job;

import com.beershop.reco.ingest.ParallelRatingsLoader;
import com.beershop.reco.ingest.RatingsCollector;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reads every rating into the run's collector, as {@link RatingsReaders#plan()} says (over several connections at
 * once). The step's counts keep the meaning they had as a chunk step: read = rows read, filter = rows rejected,
 * write = rows accepted (the run history and the benchmark read them).
 */
class LoadRatingsTasklet implements Tasklet {

    private final ParallelRatingsLoader loader;
    private final RatingsCollector collector;
    private final RatingsReaders readers;

    LoadRatingsTasklet(ParallelRatingsLoader loader, RatingsCollector collector, RatingsReaders readers) {
        this.loader = loader;
        this.collector = collector;
        this.readers = readers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        loader.load(collector, readers.plan());
        // StepContribution counts reads one at a time; the execution's counts are what the metadata keeps
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(collector.acceptedCount() + collector.rejectedCount());
        step.setFilterCount(collector.rejectedCount());
        step.setWriteCount(collector.acceptedCount());
        return RepeatStatus.FINISHED;
    }
}
