package com.beershop.reco.job;

import com.beershop.reco.ingest.ParallelRatingsLoader;
import com.beershop.reco.ingest.RatingsCollector;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reads every rating into a collector of this run's own, as {@link RatingsReaders#plan()} says (over several
 * connections at once), and hands it to the later steps. The collector is a plain object made here, not a scoped
 * bean, so the reader threads work on it directly. It is handed over before the load, so that a load that fails
 * still leaves its counts for the run history. The step's counts keep the meaning they had as a chunk step:
 * read = rows read, filter = rows rejected, write = rows accepted (the run history and the benchmark read them).
 */
class LoadRatingsTasklet implements Tasklet {

    private final ParallelRatingsLoader loader;
    private final RatingsReaders readers;
    private final StageResult<RatingsCollector> collected;

    LoadRatingsTasklet(ParallelRatingsLoader loader, RatingsReaders readers, StageResult<RatingsCollector> collected) {
        this.loader = loader;
        this.readers = readers;
        this.collected = collected;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RatingsCollector collector = readers.newCollector();
        collected.set(collector);
        loader.load(collector, readers.plan());
        // StepContribution counts reads one at a time; the execution's counts are what the metadata keeps
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(collector.acceptedCount() + collector.rejectedCount());
        step.setFilterCount(collector.rejectedCount());
        step.setWriteCount(collector.acceptedCount());
        return RepeatStatus.FINISHED;
    }
}
