package com.beershop.reco.job;

import com.beershop.reco.ingest.InputCheck;
import com.beershop.reco.ingest.LoadedInput;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RatingsRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Runs the input checks on what was loaded; hands the checked input to the model steps. */
class CheckInputTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckInputTasklet.class);

    private final InputCheck check;
    private final RatingsCollector ratings;
    private final StageResult<ProductCatalog> catalog;
    private final StageResult<LoadedInput> input;

    CheckInputTasklet(InputCheck check, RatingsCollector ratings, StageResult<ProductCatalog> catalog,
                      StageResult<LoadedInput> input) {
        this.check = check;
        this.ratings = ratings;
        this.catalog = catalog;
        this.input = input;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RatingsRead read = ratings.summary();
        if (read.rejected() > 0) {
            log.warn("Rejected {} of {} ratings: {}", read.rejected(), read.read(), read.rejectedByReason());
        }
        LoadedInput loaded = check.check(ratings, catalog.get());
        input.set(loaded);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(loaded.ratingsUsed());
        log.info("Input: {} ratings read, {} rejected, {} duplicate pairs (latest kept), {} usable; {} users, {} products"
                        + " rated ({} recommendable); {} ratings of unknown or inactive products kept for training",
                read.read(), read.rejected(), loaded.duplicates(), loaded.ratingsUsed(), loaded.users(),
                loaded.products(), loaded.data().recommendableCount(), loaded.unrecommendableRatings());
        return RepeatStatus.FINISHED;
    }
}
