package com.beershop.reco.job;

import com.beershop.reco.generation.Generations;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.publish.StagingRepository.StagedRow;
import com.beershop.reco.rollout.Arm;
import com.beershop.reco.rollout.ControlArmStager;
import com.beershop.reco.rollout.RolloutArms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.util.ArrayList;

/**
 * Writes a run's rows into the staging table, one chunk per commit: the live table is not touched, so a failure
 * here leaves the website's recommendations exactly as they were. Opening the step clears rows left by runs that
 * died before they published; the kept generations of published runs stay. A run that lost its run lock clears
 * nothing: the rows it would clear may be those of the run that holds the lock now. It then stages the control
 * arm's rows (see {@link ControlArmStager}), so the run's generation is the whole table it puts live.
 */
class StagingItemWriter implements ItemStreamWriter<StagedRow> {

    private static final Logger log = LoggerFactory.getLogger(StagingItemWriter.class);
    private static final long PROGRESS_EVERY = 200_000;

    private final StagingRepository staging;
    private final Generations generations;
    private final ControlArmStager controlArm;
    private final RolloutArms arms;
    private final StageResult<Long> stagedRows;
    private final long runId;
    private final long totalRows;
    private final Runnable verifyRunLock;
    private long written;

    /** @param totalRows the model arm's rows, which the chunks bring */
    StagingItemWriter(StagingRepository staging, Generations generations, ControlArmStager controlArm,
                      RolloutArms arms, StageResult<Long> stagedRows, long runId, long totalRows,
                      Runnable verifyRunLock) {
        this.staging = staging;
        this.generations = generations;
        this.controlArm = controlArm;
        this.arms = arms;
        this.stagedRows = stagedRows;
        this.runId = runId;
        this.totalRows = totalRows;
        this.verifyRunLock = verifyRunLock;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        verifyRunLock.run();
        int stale = generations.clearBeforeStaging(runId);
        if (stale > 0) {
            log.info("Cleared {} staged rows left by earlier runs that did not publish", stale);
        }
        stagedRows.set(totalRows + controlArm.stage(runId, arms));
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        staging.insert(runId, new ArrayList<>(chunk.getItems()), Arm.MODEL.label());
        long before = written;
        written += chunk.size();
        if (written / PROGRESS_EVERY != before / PROGRESS_EVERY || written == totalRows) {
            log.info("Staged {}/{} rows", written, totalRows);
        }
    }
}
