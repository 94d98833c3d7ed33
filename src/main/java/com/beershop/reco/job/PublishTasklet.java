package com.beershop.reco.job;

import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Swaps the staged rows into the live table in one short transaction of its own, then clears the staging rows.
 * Refuses when a newer run has published meanwhile (impossible under the run lock, kept as the last line).
 */
class PublishTasklet implements Tasklet {

    private final RecommendationPublisher publisher;
    private final StagingRepository staging;
    private final RunHistoryRepository history;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<PublishResult> published;

    PublishTasklet(RecommendationPublisher publisher, StagingRepository staging, RunHistoryRepository history,
                   StageResult<RecommendationLists> lists, StageResult<PublishResult> published) {
        this.publisher = publisher;
        this.staging = staging;
        this.history = history;
        this.lists = lists;
        this.published = published;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        if (history.publishedSince(runId)) {
            throw RunRefusedException.publishRefused("a run that started after this one (" + runId
                    + ") has already published: this run's older lists must not replace its newer ones");
        }
        PublishResult result = publisher.publish(runId, lists.get().totalRows());
        published.set(result);
        staging.clearRun(runId);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.rowsPublished());
        return RepeatStatus.FINISHED;
    }
}
