package com.beershop.reco.job;

import com.beershop.reco.ingest.RatingValidator;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.ingest.RejectReason;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Filters out unusable rating rows (counted as filtered by Spring Batch) and records why. */
class RatingsItemProcessor implements ItemProcessor<RawRating, RawRating> {

    private final RatingValidator validator;
    private final RatingsCollector ratings;

    RatingsItemProcessor(RatingValidator validator, RatingsCollector ratings) {
        this.validator = validator;
        this.ratings = ratings;
    }

    @Override
    public RawRating process(RawRating row) {
        RejectReason reason = validator.check(row);
        if (reason != null) {
            ratings.reject(row, reason);
            return null;
        }
        return row;
    }
}
