package com.beershop.reco.job;

import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.generation.Generations;
import com.beershop.reco.generation.HistoryRetention;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagedLists;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Swaps the staged rows into the live table in one short transaction of its own, then prunes the staged
 * generations beyond the last {@code reco.publish.keep-generations} (this run's rows stay: they are now a generation
 * to republish), then removes run history and job metadata older than {@code reco.tracking.retention-days} but for
 * the kept generations'. Each of the two in a transaction of its own, after the publish. Refuses when a newer run has published meanwhile (impossible under the run lock, kept as the last
 * line).
 */
class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RecommendationPublisher publisher;
    private final Generations generations;
    private final HistoryRetention retention;
    private final RunHistoryRepository history;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<PublishResult> published;
    private final StageResult<Long> stagedRows;
    private final Supplier<Optional<StagedLists>> inMemory;

    /** @param inMemory the staged rows as the run holds them, when it does (see {@link ModelArmLists#of}) */
    PublishTasklet(RecommendationPublisher publisher, Generations generations, HistoryRetention retention,
                   RunHistoryRepository history, StageResult<RecommendationLists> lists,
                   StageResult<PublishResult> published, StageResult<Long> stagedRows,
                   Supplier<Optional<StagedLists>> inMemory) {
        this.publisher = publisher;
        this.generations = generations;
        this.retention = retention;
        this.history = history;
        this.lists = lists;
        this.published = published;
        this.stagedRows = stagedRows;
        this.inMemory = inMemory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        refuseIfOvertaken(history, runId);
        // both arms: the model arm's lists and the control arm's rows staged beside them
        PublishResult result = publisher.publish(runId, stagedRows.find().orElse(lists.get().totalRows()),
                inMemory.get().orElse(null));
        published.set(result);
        JobOutcome.markPublishCommitted(chunkContext.getStepContext().getStepExecution().getJobExecution());
        List<Long> kept;
        try {
            kept = generations.pruneAfterPublish(runId);
        } catch (RuntimeException e) {
            // the publish is committed and stands; the next publish prunes what this one could not
            log.warn("Published, but could not prune older generations from reco_staging: {}", e.toString());
            kept = null;
        }
        if (kept != null) {
            try {
                retention.applyAfterPublish(kept);
            } catch (RuntimeException e) {
                log.warn("Published, but could not remove run history older than the retention: {}", e.toString());
            }
        }
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.rowsPublished());
        return RepeatStatus.FINISHED;
    }

    /** The last line of defence, shared with the rehearsal: a newer run's lists must not be replaced. */
    static void refuseIfOvertaken(RunHistoryRepository history, long runId) {
        if (history.publishedSince(runId)) {
            throw RunRefusedException.publishRefused("a run that started after this one (" + runId
                    + ") has already published: this run's older lists must not replace its newer ones");
        }
    }
}
