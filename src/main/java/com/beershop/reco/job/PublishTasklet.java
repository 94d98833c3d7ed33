package com.beershop.reco.job;

import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Swaps the staged rows into the live table in one transaction, then clears the staging rows. */
class PublishTasklet implements Tasklet {

    private final RecommendationPublisher publisher;
    private final StagingRepository staging;
    private final RunState state;

    PublishTasklet(RecommendationPublisher publisher, StagingRepository staging, RunState state) {
        this.publisher = publisher;
        this.staging = staging;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        long published = publisher.publish(runId, state.rowsStaged());
        state.rowsPublished(published);
        staging.clearRun(runId);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(published);
        return RepeatStatus.FINISHED;
    }
}
