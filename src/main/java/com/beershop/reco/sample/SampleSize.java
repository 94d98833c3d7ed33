package com.beershop.reco.sample;

/** The named data-set sizes: the committed sample and the four benchmark sizes. */
public enum SampleSize {

    /** The set committed under {@code sample-data/}; small enough for the repository, big enough to learn from. */
    SAMPLE(3_000, 300, 60_000),
    S(5_000, 1_000, 100_000),
    M(50_000, 5_000, 1_000_000),
    L(200_000, 20_000, 10_000_000),
    /** The far end of the cost curve (docs/performance.md): five times L's ratings. */
    XL(1_000_000, 50_000, 50_000_000);

    /** The seed the committed sample was generated with, and the default for the benchmark sizes. */
    public static final long DEFAULT_SEED = 20240611L;

    private final int users;
    private final int products;
    private final long ratings;

    SampleSize(int users, int products, long ratings) {
        this.users = users;
        this.products = products;
        this.ratings = ratings;
    }

    public int users() {
        return users;
    }

    public int products() {
        return products;
    }

    public long ratings() {
        return ratings;
    }

    /** This size with the default seed and inactive share. */
    public SampleDataSpec spec() {
        return spec(DEFAULT_SEED);
    }

    public SampleDataSpec spec(long seed) {
        return SampleDataSpec.of(users, products, ratings, seed);
    }
}
