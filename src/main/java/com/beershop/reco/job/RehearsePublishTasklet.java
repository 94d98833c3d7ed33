package com.beershop.reco.job;

import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.RehearsedPublish;
import com.beershop.reco.publish.StagedLists;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rehearsal's last step: the publish's guard, DELETE and INSERT on the live table in the publish's own
 * transaction, measured and rolled back. Nothing is pruned: the real generations stay as they are, and the
 * rehearsal's staged rows are cleared when the job ends ({@link Rehearsal#clearStagedRows}).
 */
class RehearsePublishTasklet implements Tasklet {

    static final String LOCK_MILLIS = "rehearsal.lockMillis";
    private static final Logger log = LoggerFactory.getLogger(RehearsePublishTasklet.class);

    private final RecommendationPublisher publisher;
    private final RunHistoryRepository history;
    private final String liveTable;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<PublishResult> published;
    private final StageResult<Long> stagedRows;
    private final Supplier<Optional<StagedLists>> inMemory;

    /** @param inMemory as for {@link PublishTasklet}: the rehearsal compares as the night's publish does */
    RehearsePublishTasklet(RecommendationPublisher publisher, RunHistoryRepository history, String liveTable,
                           StageResult<RecommendationLists> lists, StageResult<PublishResult> published,
                           StageResult<Long> stagedRows, Supplier<Optional<StagedLists>> inMemory) {
        this.publisher = publisher;
        this.history = history;
        this.liveTable = liveTable;
        this.lists = lists;
        this.published = published;
        this.stagedRows = stagedRows;
        this.inMemory = inMemory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        PublishTasklet.refuseIfOvertaken(history, runId);
        // both arms, as the night's publish: the model arm's lists and the control arm's rows staged beside them
        RehearsedPublish rehearsed = publisher.rehearse(runId, stagedRows.find().orElse(lists.get().totalRows()),
                inMemory.get().orElse(null));
        PublishResult result = rehearsed.result();
        log.info("Rehearsed publish: the DELETEs from {} removed {} rows in {} ms; the INSERTs wrote {} rows in {} ms;"
                        + " {} rows unchanged ({})", liveTable, result.rowsRemoved(), rehearsed.deleteMillis(),
                result.rowsInserted(), rehearsed.insertMillis(), result.rowsKept(), rehearsed.way());
        log.info("Rehearsed publish: the rows of {} stayed locked {} ms, from the DELETE to the end of the rollback"
                + " (a real night holds them until its commit)", liveTable, rehearsed.lockMillis());
        rehearsed.measures().forEach(line -> log.info("Rehearsed publish: {}", line));
        log.info("Rehearsed publish rolled back: {} is unchanged", liveTable);
        published.set(result);
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        context.putLong(LOCK_MILLIS, rehearsed.lockMillis());
        contribution.incrementReadCount();
        contribution.incrementWriteCount(result.rowsPublished());
        return RepeatStatus.FINISHED;
    }
}
