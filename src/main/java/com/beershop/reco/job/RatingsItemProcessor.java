package com.beershop.reco.job;

import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.ingest.RatingValidator;
import com.beershop.reco.ingest.RejectReason;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Filters out unusable rating rows (counted as filtered by Spring Batch) and records why. */
class RatingsItemProcessor implements ItemProcessor<RawRating, RawRating> {

    private final RatingValidator validator;
    private final RunState state;

    RatingsItemProcessor(RatingValidator validator, RunState state) {
        this.validator = validator;
        this.state = state;
    }

    @Override
    public RawRating process(RawRating row) {
        RejectReason reason = validator.check(row);
        if (reason != null) {
            state.ratings().reject(row, reason);
            return null;
        }
        return row;
    }
}
