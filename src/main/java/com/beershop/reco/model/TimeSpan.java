package com.beershop.reco.model;

import java.util.Optional;

/**
 * When a matrix's ratings were made: the earliest and latest known minute and how many ratings carry a time.
 * Ratings of unknown time ({@link InteractionMatrix#UNKNOWN_TIME}) are not counted.
 */
public record TimeSpan(int earliest, int latest, long timed) {

    /** The span of the ratings' known times, or empty when no rating has one. */
    public static Optional<TimeSpan> of(InteractionMatrix ratings) {
        if (!ratings.hasTimes()) {
            return Optional.empty();
        }
        int latest = InteractionMatrix.UNKNOWN_TIME;
        int earliest = Integer.MAX_VALUE;
        long timed = 0;
        for (int k = 0; k < ratings.numRatings(); k++) {
            int time = ratings.timeAt(k);
            if (time != InteractionMatrix.UNKNOWN_TIME) {
                timed++;
                latest = Math.max(latest, time);
                earliest = Math.min(earliest, time);
            }
        }
        return timed == 0 ? Optional.empty() : Optional.of(new TimeSpan(earliest, latest, timed));
    }
}
