package com.beershop.reco.sample;

/**
 * What to generate. Same spec, same output, byte for byte.
 *
 * @param users number of users; every one of them rates at least {@link #MIN_RATINGS_PER_USER} products
 * @param products number of products in the catalogue
 * @param ratings exact number of ratings to generate
 * @param seed seed of every random choice
 * @param inactiveShare share of products marked inactive (no longer sold), between 0 and 1
 */
public record SampleDataSpec(int users, int products, long ratings, long seed, double inactiveShare) {

    public static final double DEFAULT_INACTIVE_SHARE = 0.08;
    public static final int MIN_RATINGS_PER_USER = 2;

    public SampleDataSpec {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        if (products < 2 * MIN_RATINGS_PER_USER) {
            throw new IllegalArgumentException("products must be at least " + 2 * MIN_RATINGS_PER_USER
                    + ", was " + products);
        }
        if (!(inactiveShare >= 0 && inactiveShare <= 1)) {
            throw new IllegalArgumentException("inactiveShare must be between 0 and 1, was " + inactiveShare);
        }
        long min = (long) users * MIN_RATINGS_PER_USER;
        long max = (long) users * maxRatingsPerUser(products);
        if (ratings < min || ratings > max) {
            throw new IllegalArgumentException("ratings must be between " + min + " and " + max + " for " + users
                    + " users and " + products + " products, was " + ratings);
        }
    }

    /** A spec with the default inactive share. */
    public static SampleDataSpec of(int users, int products, long ratings, long seed) {
        return new SampleDataSpec(users, products, ratings, seed, DEFAULT_INACTIVE_SHARE);
    }

    /**
     * The most one user may rate: half the catalogue. Nobody rates everything, and it keeps drawing distinct
     * products cheap.
     */
    static int maxRatingsPerUser(int products) {
        return products / 2;
    }
}
