package com.beershop.reco.generation;

import com.beershop.reco.tracking.RunRecord;

/**
 * One published set of recommendation lists, named by the run that staged it.
 *
 * @param runId      the job execution id the rows are staged under in {@code reco_staging}
 * @param publishedBy the run-history row of the run that first published it
 * @param live       whether it is what the live table holds now (the newest published generation)
 * @param stagedRows rows still in {@code reco_staging}; 0 once pruned
 */
public record Generation(long runId, RunRecord publishedBy, boolean live, long stagedRows) {

    /** Its rows are all still staged, so the {@code republish} mode can put it back. */
    public boolean canRepublish() {
        return stagedRows > 0 && publishedBy.rowsPublished() != null && stagedRows == publishedBy.rowsPublished();
    }
}
