package com.beershop.reco.job;

import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.generation.Generations;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Swaps the staged rows into the live table in one short transaction of its own, then prunes the staged
 * generations beyond the last {@code reco.publish.keep-generations} (this run's rows stay: they are now a generation
 * to republish). Refuses when a newer run has published meanwhile (impossible under the run lock, kept as the last
 * line).
 */
class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RecommendationPublisher publisher;
    private final Generations generations;
    private final RunHistoryRepository history;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<PublishResult> published;

    PublishTasklet(RecommendationPublisher publisher, Generations generations, RunHistoryRepository history,
                   StageResult<RecommendationLists> lists, StageResult<PublishResult> published) {
        this.publisher = publisher;
        this.generations = generations;
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
        JobOutcome.markPublishCommitted(chunkContext.getStepContext().getStepExecution().getJobExecution());
        try {
            generations.pruneAfterPublish(runId);
        } catch (RuntimeException e) {
            // the publish is committed and stands; the next publish prunes what this one could not
            log.warn("Published, but could not prune older generations from reco_staging: {}", e.toString());
        }
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.rowsPublished());
        return RepeatStatus.FINISHED;
    }
}
