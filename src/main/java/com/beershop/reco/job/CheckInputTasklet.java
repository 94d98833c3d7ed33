package com.beershop.reco.job;

import com.beershop.reco.ingest.InputCheck;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RatingsRead;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs the input checks on what was loaded, and the publish guards that can already tell a broken night (nothing
 * recommendable, a collapsed input) before hours of training; hands the checked input to the model steps.
 */
class CheckInputTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckInputTasklet.class);

    private final InputCheck check;
    private final PublishGuards guards;
    private final RunHistoryRepository history;
    private final GateOverride override;
    private final StageResult<RatingsCollector> ratings;
    private final StageResult<ProductCatalog> catalog;
    private final StageResult<CheckedInput> input;

    CheckInputTasklet(InputCheck check, PublishGuards guards, RunHistoryRepository history, GateOverride override,
                      StageResult<RatingsCollector> ratings,
                      StageResult<ProductCatalog> catalog, StageResult<CheckedInput> input) {
        this.check = check;
        this.guards = guards;
        this.history = history;
        this.override = override;
        this.ratings = ratings;
        this.catalog = catalog;
        this.input = input;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RatingsCollector collected = ratings.get();
        RatingsRead read = collected.summary();
        if (read.rejected() > 0) {
            log.warn("Rejected {} of {} ratings: {}", read.rejected(), read.read(), read.rejectedByReason());
        }
        CheckedInput loaded = check.check(collected, catalog.get());
        input.set(loaded);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(loaded.ratingsUsed());
        log.info("Input: {} ratings read, {} rejected, {} duplicate pairs (latest kept), {} usable; {} users, {} products"
                        + " rated ({} recommendable); {} ratings of unknown or inactive products kept for training",
                read.read(), read.rejected(), loaded.duplicates(), loaded.ratingsUsed(), loaded.users(),
                loaded.products(), loaded.data().recommendableCount(), loaded.unrecommendableRatings());
        PublishGuards.PublishedInput last = history.lastPublished().flatMap(RunRecord::publishedInput).orElse(null);
        guards.checkInput(loaded.data().recommendableCount(), loaded.ratingsUsed(), loaded.users(), last,
                override.appliesTo(read.fingerprint()).isPresent());
        return RepeatStatus.FINISHED;
    }
}
