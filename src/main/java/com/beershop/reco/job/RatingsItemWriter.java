package com.beershop.reco.job;

import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RawRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Hands accepted ratings to the run's collector, logging progress every million so a long load is visible. */
class RatingsItemWriter implements ItemWriter<RawRating> {

    private static final Logger log = LoggerFactory.getLogger(RatingsItemWriter.class);
    private static final long PROGRESS_EVERY = 1_000_000;

    private final RatingsCollector ratings;

    RatingsItemWriter(RatingsCollector ratings) {
        this.ratings = ratings;
    }

    @Override
    public void write(Chunk<? extends RawRating> chunk) {
        long before = ratings.acceptedCount();
        chunk.forEach(ratings::accept);
        long after = ratings.acceptedCount();
        if (after / PROGRESS_EVERY != before / PROGRESS_EVERY) {
            log.info("Loaded {} ratings so far ({} rejected)", after, ratings.rejectedCount());
        }
    }
}
