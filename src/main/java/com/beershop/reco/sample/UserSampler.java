package com.beershop.reco.sample;

import static com.beershop.reco.sample.Draws.gaussian;
import static com.beershop.reco.sample.Draws.pick;

import com.beershop.reco.ingest.RawRating;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws one user's taste and ratings from a {@link SampleCatalogue}. Holds only per-product scratch arrays, reused
 * across users; not thread-safe.
 */
final class UserSampler {

    // Taste knobs. Tuned (see sample-data/README.md) so that item-item kNN clearly beats most-popular.
    private static final double GENERALIST_SHARE = 0.15;
    private static final double SECOND_FAMILY_SHARE = 0.5;
    private static final double OTHER_FAMILY_AFFINITY = 0.08;

    private static final BigDecimal[] RATING_VALUES = {
        BigDecimal.valueOf(1), BigDecimal.valueOf(2), BigDecimal.valueOf(3), BigDecimal.valueOf(4),
        BigDecimal.valueOf(5),
    };
    private static final StyleFamily[] FAMILIES = StyleFamily.values();

    private final SampleCatalogue catalogue;
    private final RatingClock clock;
    private final int attemptsPerRating;
    /** seenBy[p] == user + 1 when the current user already rated p: no clearing between users. */
    private final int[] seenBy;
    private final double[] affinity = new double[FAMILIES.length];
    private final double[] familyWeight = new double[FAMILIES.length];
    private final double[] fanShares = Arrays.stream(FAMILIES).mapToDouble(f -> f.fanShare).toArray();

    /**
     * @param attemptsPerRating rejection-sampling budget per rating before a user's remaining products are drawn
     *     exactly, without replacement
     */
    UserSampler(SampleCatalogue catalogue, RatingClock clock, int attemptsPerRating) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.attemptsPerRating = attemptsPerRating;
        this.seenBy = new int[catalogue.size()];
    }

    /**
     * Sends {@code count} ratings of user number {@code user} (0-based) to {@code sink}, no product twice. Taste,
     * products and rating values come from {@code random}, the times from {@code clockRandom}.
     */
    void generateUser(String userId, int user, int count, SplittableRandom random, SplittableRandom clockRandom,
            RatingSink sink) throws IOException {
        drawTaste(random);
        double maxAffinity = Arrays.stream(affinity).max().orElse(1);
        for (int f = 0; f < FAMILIES.length; f++) {
            familyWeight[f] = affinity[f] * catalogue.familyMass(f);
        }
        double bias = 0.35 * gaussian(random);
        // users join at some point in the window and stay; more of them recently, as a shop grows
        long start = (long) (RatingWindow.SECONDS * 0.95 * Math.sqrt(random.nextDouble()));

        int stamp = user + 1;
        int drawn = 0;
        long attempts = 0;
        long maxAttempts = attemptsPerRating * (count + 5L);
        while (drawn < count && attempts++ < maxAttempts) {
            int p = catalogue.drawFromFamily(pick(familyWeight, random), random);
            if (seenBy[p] != stamp) {
                seenBy[p] = stamp;
                emit(userId, p, maxAffinity, bias, start, random, clockRandom, sink);
                drawn++;
            }
        }
        if (drawn < count) {
            // a very heavy user has used up the likely products: draw the rest exactly, without replacement
            for (int p : drawWithoutReplacement(count - drawn, stamp, random)) {
                seenBy[p] = stamp;
                emit(userId, p, maxAffinity, bias, start, random, clockRandom, sink);
            }
        }
    }

    private void drawTaste(SplittableRandom random) {
        if (random.nextDouble() < GENERALIST_SHARE) {
            for (int f = 0; f < FAMILIES.length; f++) {
                affinity[f] = 0.3 + 0.7 * random.nextDouble();
            }
            return;
        }
        for (int f = 0; f < FAMILIES.length; f++) {
            affinity[f] = OTHER_FAMILY_AFFINITY * (0.5 + random.nextDouble());
        }
        int favourite = pick(fanShares, random);
        affinity[favourite] = 1;
        if (random.nextDouble() < SECOND_FAMILY_SHARE) {
            int second = pick(fanShares, random);
            if (second != favourite) {
                affinity[second] = 0.3 + 0.4 * random.nextDouble();
            }
        }
    }

    private void emit(String userId, int p, double maxAffinity, double bias, long start,
            SplittableRandom random, SplittableRandom clockRandom, RatingSink sink) throws IOException {
        double relativeAffinity = affinity[catalogue.family(p).ordinal()] / maxAffinity;
        double raw = 3.4 + 1.2 * (relativeAffinity - 0.6) + catalogue.quality(p) + bias
                + 0.7 * gaussian(random);
        int rating = (int) Math.max(1, Math.min(5, Math.round(raw)));
        // the draw the time took before it had seasons and releases stays on this stream, so that which products
        // users rate, and how, stayed as they were (and with them every figure measured on a random split)
        random.nextDouble();
        sink.accept(new RawRating(userId, catalogue.product(p).productId(), RATING_VALUES[rating - 1],
                clock.ratedAt(p, start, clockRandom)));
    }

    /** Efraimidis-Spirakis: the k unseen products with the smallest exponential keys, weight affinity x pop. */
    private int[] drawWithoutReplacement(int k, int stamp, SplittableRandom random) {
        int n = seenBy.length;
        int[] keyed = new int[n];
        double[] keys = new double[n];
        int candidates = 0;
        for (int p = 0; p < n; p++) {
            if (seenBy[p] != stamp) {
                double weight = affinity[catalogue.family(p).ordinal()] * catalogue.popularity(p);
                keys[candidates] = -StrictMath.log(1 - random.nextDouble()) / weight;
                keyed[candidates++] = p;
            }
        }
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = keyed[order[i]];
        }
        return chosen;
    }
}
