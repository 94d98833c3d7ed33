package com.beershop.reco.job;

import com.beershop.reco.generation.Generations;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.rollout.Arm;
import com.beershop.reco.rollout.ControlArmStager;
import com.beershop.reco.rollout.RolloutArms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a run's rows into the staging table, {@code batchSize} rows per call, each call one transaction that the
 * step commits: the live table is not touched, so a failure here leaves the website's recommendations exactly as
 * they were, and a stop request ends the step between two calls. A tasklet rather than a chunk step: Spring Batch's
 * chunk step handles every row as an item, which at 2,000,000 rows cost more CPU than encoding and sending them
 * (docs/performance.md).
 *
 * <p>The first call clears rows left by runs that died before they published; the kept generations of published
 * runs stay. A run that lost its run lock clears nothing: the rows it would clear may be those of the run that holds
 * the lock now. It then stages the control arm's rows (see {@link ControlArmStager}), so the run's generation is the
 * whole table it puts live. One instance per step execution (step scope).
 */
class StageRecommendationsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(StageRecommendationsTasklet.class);
    private static final long PROGRESS_EVERY = 200_000;

    private final StagingRepository staging;
    private final Generations generations;
    private final ControlArmStager controlArm;
    private final RolloutArms arms;
    private final StageResult<Long> stagedRows;
    private final Supplier<RecommendationRows> modelArmRows;
    private final long runId;
    private final long totalRows;
    private final int batchSize;
    private final Runnable verifyRunLock;
    private RecommendationRows rows;
    private long written;

    /**
     * @param modelArmRows the model arm's rows, read when the first call runs
     * @param totalRows    how many rows {@code modelArmRows} holds
     */
    StageRecommendationsTasklet(StagingRepository staging, Generations generations, ControlArmStager controlArm,
                                RolloutArms arms, StageResult<Long> stagedRows, Supplier<RecommendationRows> modelArmRows,
                                long runId, long totalRows, int batchSize, Runnable verifyRunLock) {
        this.staging = staging;
        this.generations = generations;
        this.controlArm = controlArm;
        this.arms = arms;
        this.stagedRows = stagedRows;
        this.modelArmRows = modelArmRows;
        this.runId = runId;
        this.totalRows = totalRows;
        this.batchSize = batchSize;
        this.verifyRunLock = verifyRunLock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (rows == null) {
            start();
        }
        List<StagedRow> block = rows.next(batchSize);
        if (!block.isEmpty()) {
            staging.insert(runId, block, Arm.MODEL.label());
            long before = written;
            written += block.size();
            contribution.getStepExecution().setReadCount(written);
            contribution.incrementWriteCount(block.size());
            if (written / PROGRESS_EVERY != before / PROGRESS_EVERY || written == totalRows) {
                log.info("Staged {}/{} rows", written, totalRows);
            }
        }
        return RepeatStatus.continueIf(rows.hasNext());
    }

    private void start() {
        verifyRunLock.run();
        int stale = generations.clearBeforeStaging(runId);
        if (stale > 0) {
            log.info("Cleared {} staged rows left by earlier runs that did not publish", stale);
        }
        stagedRows.set(totalRows + controlArm.stage(runId, arms));
        rows = modelArmRows.get();
    }
}
