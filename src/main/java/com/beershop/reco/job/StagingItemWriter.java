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
 * died before they published; the kept generations of published runs stay.
 */
class StagingItemWriter implements ItemStreamWriter<StagedRow> {

    private static final Logger log = LoggerFactory.getLogger(StagingItemWriter.class);
    private static final long PROGRESS_EVERY = 200_000;

    private final StagingRepository staging;
    private final Generations generations;
    private final long runId;
    private final long totalRows;
    private long written;

    StagingItemWriter(StagingRepository staging, Generations generations, long runId, long totalRows) {
        this.staging = staging;
        this.generations = generations;
        this.runId = runId;
        this.totalRows = totalRows;
    }

    @Override
    public void open(ExecutionContext executionContext) {
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
