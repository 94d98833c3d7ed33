package com.beershop.reco.job;

import com.beershop.reco.ingest.RawRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Hands accepted ratings to the run's collector, logging progress every million so a long load is visible. */
class RatingsItemWriter implements ItemWriter<RawRating> {

    private static final Logger log = LoggerFactory.getLogger(RatingsItemWriter.class);
    private static final long PROGRESS_EVERY = 1_000_000;

    private final RunState state;

    RatingsItemWriter(RunState state) {
        this.state = state;
    }

    @Override
    public void write(Chunk<? extends RawRating> chunk) {
        long before = state.ratings().acceptedCount();
        chunk.forEach(state.ratings()::accept);
        long after = state.ratings().acceptedCount();
        if (after / PROGRESS_EVERY != before / PROGRESS_EVERY) {
            log.info("Loaded {} ratings so far ({} rejected)", after, state.ratings().rejectedCount());
        }
    }
}
