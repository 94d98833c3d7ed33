package com.beershop.reco.sample;

import com.beershop.reco.ingest.Product;
import java.io.IOException;

/** Receives product rows one at a time, from the generator or from the CSV reader. */
@FunctionalInterface
public interface ProductSink {

    void accept(Product row) throws IOException;
}
