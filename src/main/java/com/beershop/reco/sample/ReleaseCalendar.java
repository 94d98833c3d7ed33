package com.beershop.reco.sample;

import java.util.SplittableRandom;

/**
 * Which products are new releases, and when each came out; the rest of the catalogue was on sale before the
 * {@link RatingWindow} opened. A release is an active product (a beer that came out lately is still sold); release
 * dates grow denser towards the end of the window, as a growing shop lists more beers, and a seasonal beer comes
 * out more often in its {@link StyleSeason season}. Immutable; O(products) memory.
 */
final class ReleaseCalendar {

    /** Share of the active products that come out during the window. */
    static final double RELEASE_SHARE = 0.3;
    /**
     * Release dates are drawn with density proportional to {@code t^(RELEASE_DENSITY_POWER - 1)}, t the time since
     * the window opened (before seasons): 3 puts 11 % of the releases in the last 28 of 730 days, an eighth in the
     * first year.
     */
    private static final double RELEASE_DENSITY_POWER = 3;
    private static final long NOT_A_RELEASE = -1;

    /** By product: the second of the window it came out, or {@link #NOT_A_RELEASE}. */
    private final long[] releaseSecond;

    private ReleaseCalendar(long[] releaseSecond) {
        this.releaseSecond = releaseSecond;
    }

    /** Picks the releases among {@code catalogue}'s active products, and their dates. */
    static ReleaseCalendar draw(SampleCatalogue catalogue, SplittableRandom random) {
        long[] seconds = new long[catalogue.size()];
        for (int p = 0; p < seconds.length; p++) {
            seconds[p] = NOT_A_RELEASE;
            if (random.nextDouble() < RELEASE_SHARE && catalogue.product(p).active()) {
                StyleSeason season = StyleSeason.of(catalogue, p);
                long second;
                do {
                    second = (long) (StrictMath.pow(random.nextDouble(), 1 / RELEASE_DENSITY_POWER)
                            * RatingWindow.SECONDS);
                } while (!season.accepts(RatingWindow.dayOfYear(second), random));
                seconds[p] = second;
            }
        }
        return new ReleaseCalendar(seconds);
    }

    boolean isRelease(int p) {
        return releaseSecond[p] != NOT_A_RELEASE;
    }

    /** The second of the window product {@code p} came out; only for a {@link #isRelease(int) release}. */
    long releaseSecond(int p) {
        return releaseSecond[p];
    }

    /** The second of the window from which product {@code p} can be rated: its release, or the window's start. */
    long availableFrom(int p) {
        return Math.max(0, releaseSecond[p]);
    }
}
