package com.beershop.reco.sample;

import com.beershop.reco.ingest.RawRating;
import java.io.IOException;

/** Receives rating rows one at a time, so millions of ratings never have to be held in memory together. */
@FunctionalInterface
public interface RatingSink {

    void accept(RawRating row) throws IOException;
}
