package com.beershop.reco.sample;

import java.io.IOException;

/** Receives product rows one at a time, from the generator or from the CSV reader. */
@FunctionalInterface
public interface ProductSink {

    void accept(ProductRow row) throws IOException;
}
