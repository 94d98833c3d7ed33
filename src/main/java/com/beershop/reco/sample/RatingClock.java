package com.beershop.reco.sample;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Draws when a rating was made, within the {@link RatingWindow}: never before the user joined nor before the product
 * came out ({@link ReleaseCalendar}); for a new release, most often in the weeks after it came out (it takes off);
 * and more often in the product's {@link StyleSeason season} than out of it. Holds one season per product;
 * immutable once built, so each caller brings its own random stream.
 */
final class RatingClock {

    /**
     * Of the ratings a new release gets from users who were already around when it came out, the share drawn from
     * its take-off, an exponential wait after the release; the others fall anywhere in the user's time.
     */
    static final double TAKE_OFF_SHARE = 0.8;
    /**
     * The mean wait from a release to a take-off rating: four weeks keeps a release that came out just before a
     * recent split's cut selling after it, which is the trend a backtest of one night should find.
     */
    static final double TAKE_OFF_MEAN_DAYS = 28;

    private static final double TAKE_OFF_MEAN_SECONDS = TAKE_OFF_MEAN_DAYS * 24 * 3600;

    private final ReleaseCalendar releases;
    private final StyleSeason[] seasonOf;

    RatingClock(SampleCatalogue catalogue, ReleaseCalendar releases) {
        this.releases = releases;
        this.seasonOf = new StyleSeason[catalogue.size()];
        for (int p = 0; p < seasonOf.length; p++) {
            seasonOf[p] = StyleSeason.of(catalogue, p);
        }
    }

    /**
     * When a user who joined {@code userStart} seconds into the window rated product {@code p}. Rejection sampling:
     * a time proposed by the release's take-off or uniformly over the user's time is kept with probability season
     * weight / season peak weight: about {@code 1 + strength} proposals a rating.
     */
    LocalDateTime ratedAt(int p, long userStart, SplittableRandom random) {
        long from = Math.max(userStart, releases.availableFrom(p));
        long span = RatingWindow.SECONDS - from;
        StyleSeason season = seasonOf[p];
        while (true) {
            long second = from + (long) (random.nextDouble() * span);
            if (releases.isRelease(p) && random.nextDouble() < TAKE_OFF_SHARE) {
                double wait = -StrictMath.log(1 - random.nextDouble()) * TAKE_OFF_MEAN_SECONDS;
                long takeOff = releases.releaseSecond(p) + (long) wait;
                // a user who joined after the take-off, or a take-off past the window's end: the uniform time
                if (takeOff >= from && takeOff < RatingWindow.SECONDS) {
                    second = takeOff;
                }
            }
            if (season.accepts(RatingWindow.dayOfYear(second), random)) {
                return RatingWindow.dateTime(second);
            }
        }
    }
}
