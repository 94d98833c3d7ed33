package com.beershop.reco.model.ials;

import com.beershop.reco.model.InteractionMatrix;

/**
 * {@code 2^(-age / half-life)} of a rating, its age in minutes before the latest rating of the data; a rating of
 * unknown time is as old as the earliest known one. Without a half-life, or without any time, every rating gets 1.
 */
final class RecencyDecay {

    private static final RecencyDecay NONE = new RecencyDecay(0, 0, 0);

    private final double perMinute;
    private final int latest;
    private final int earliest;

    private RecencyDecay(double perMinute, int latest, int earliest) {
        this.perMinute = perMinute;
        this.latest = latest;
        this.earliest = earliest;
    }

    static RecencyDecay of(InteractionMatrix ratings, double halfLifeDays) {
        if (!(halfLifeDays > 0) || !ratings.hasTimes()) {
            return NONE;
        }
        int latest = InteractionMatrix.UNKNOWN_TIME;
        int earliest = Integer.MAX_VALUE;
        for (int e = 0; e < ratings.numRatings(); e++) {
            int time = ratings.timeAt(e);
            if (time != InteractionMatrix.UNKNOWN_TIME) {
                latest = Math.max(latest, time);
                earliest = Math.min(earliest, time);
            }
        }
        if (latest == InteractionMatrix.UNKNOWN_TIME) {
            return NONE;
        }
        return new RecencyDecay(Math.log(2) / (halfLifeDays * 24 * 60), latest, earliest);
    }

    float at(int time) {
        if (perMinute == 0) {
            return 1f;
        }
        int known = time == InteractionMatrix.UNKNOWN_TIME ? earliest : time;
        return (float) Math.exp(-perMinute * ((double) latest - known));
    }
}
