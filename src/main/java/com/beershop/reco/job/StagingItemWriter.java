package com.beershop.reco.job;

import com.beershop.reco.generation.Generations;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.publish.StagingRepository.StagedRow;
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
 * nothing: the rows it would clear may be those of the run that holds the lock now.
 */
class StagingItemWriter implements ItemStreamWriter<StagedRow> {

    private static final Logger log = LoggerFactory.getLogger(StagingItemWriter.class);
    private static final long PROGRESS_EVERY = 200_000;

    private final StagingRepository staging;
    private final Generations generations;
    private final long runId;
    private final long totalRows;
    private final Runnable verifyRunLock;
    private long written;

    StagingItemWriter(StagingRepository staging, Generations generations, long runId, long totalRows,
                      Runnable verifyRunLock) {
        this.staging = staging;
        this.generations = generations;
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
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        staging.insert(runId, new ArrayList<>(chunk.getItems()));
        long before = written;
        written += chunk.size();
        if (written / PROGRESS_EVERY != before / PROGRESS_EVERY || written == totalRows) {
            log.info("Staged {}/{} rows", written, totalRows);
        }
    }
}
