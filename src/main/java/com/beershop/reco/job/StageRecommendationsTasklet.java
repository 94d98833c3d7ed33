package com.beershop.reco.job;

import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.scoring.RecommendationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the run's rows into the staging table, one batch per call and so one commit per batch: the live table
 * is not touched, so a failure here leaves the website's recommendations exactly as they were.
 */
class StageRecommendationsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(StageRecommendationsTasklet.class);

    private final StagingRepository staging;
    private final int batchSize;
    private final RunState state;
    private int nextUser = -1;

    StageRecommendationsTasklet(StagingRepository staging, int batchSize, RunState state) {
        this.staging = staging;
        this.batchSize = batchSize;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        if (nextUser < 0) {
            int stale = staging.clearOtherRuns(runId) + staging.clearRun(runId);
            if (stale > 0) {
                log.info("Cleared {} staged rows left by earlier runs that did not publish", stale);
            }
            nextUser = 0;
        }
        TrainingData data = state.data();
        RecommendationLists lists = state.recommendations();
        List<StagedRow> batch = new ArrayList<>(batchSize + lists.n());
        while (nextUser < lists.numUsers() && batch.size() < batchSize) {
            String userId = data.users().idAt(nextUser);
            for (int rank = 0; rank < lists.count(nextUser); rank++) {
                batch.add(new StagedRow(userId, data.products().idAt(lists.item(nextUser, rank)), rank + 1));
            }
            nextUser++;
        }
        if (!batch.isEmpty()) {
            staging.insert(runId, batch);
            state.addStaged(batch.size());
            contribution.incrementWriteCount(batch.size());
        }
        boolean done = nextUser >= lists.numUsers();
        if (done || (state.rowsStaged() / batchSize) % 20 == 0) {
            log.info("Staged {}/{} rows", state.rowsStaged(), lists.totalRows());
        }
        return done ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
