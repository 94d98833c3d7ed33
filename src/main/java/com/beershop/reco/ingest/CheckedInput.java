package com.beershop.reco.ingest;

/**
 * The checked input of a run: the catalogue, the training data built from the accepted ratings, and the counts
 * the run history keeps.
 *
 * @param duplicates user/product pairs rated more than once (the latest rating is kept)
 * @param unrecommendableRatings ratings of unknown or inactive products: kept for training, never recommended
 */
public record CheckedInput(ProductCatalog catalog, TrainingData data, RatingsRead read, int duplicates,
                           long unrecommendableRatings) {

    public long ratingsUsed() {
        return data.ratings().numRatings();
    }

    public int users() {
        return data.users().size();
    }

    public int products() {
        return data.products().size();
    }
}
