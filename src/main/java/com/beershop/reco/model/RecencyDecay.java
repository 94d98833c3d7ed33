package com.beershop.reco.model;

/**
 * {@code 2^(-age / half-life)} of a rating, its age in minutes before the latest rating of the data (not the wall
 * clock, so a backtest and a late run weigh alike); a rating of unknown time is as old as the earliest known one.
 * Without a half-life, or without any time, every rating gets 1. Trending and iALS' recency-weighted confidence
 * share it.
 */
public final class RecencyDecay {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final RecencyDecay NONE = new RecencyDecay(0, InteractionMatrix.UNKNOWN_TIME, 0);

    private final double perMinute;
    private final int latest;
    private final int earliest;

    private RecencyDecay(double perMinute, int latest, int earliest) {
        this.perMinute = perMinute;
        this.latest = latest;
        this.earliest = earliest;
    }

    /** @param halfLifeDays 0 (or less): every rating weighs 1 */
    public static RecencyDecay of(InteractionMatrix ratings, double halfLifeDays) {
        double perMinute = halfLifeDays > 0 ? Math.log(2) / (halfLifeDays * MINUTES_PER_DAY) : 0;
        return TimeSpan.of(ratings).map(span -> new RecencyDecay(perMinute, span.latest(), span.earliest()))
                .orElse(NONE);
    }

    /** The weight of a rating made at {@code time} (minutes since the epoch, or {@link InteractionMatrix#UNKNOWN_TIME}). */
    public float at(int time) {
        return perMinute == 0 ? 1f : (float) Math.exp(-perMinute * ((double) latest - known(time)));
    }

    /**
     * True when a rating made at {@code time} lies within {@code days} before the latest rating; always true when
     * the data carries no time.
     */
    public boolean within(int time, double days) {
        return latest == InteractionMatrix.UNKNOWN_TIME || known(time) > latest - days * MINUTES_PER_DAY;
    }

    private int known(int time) {
        return time == InteractionMatrix.UNKNOWN_TIME ? earliest : time;
    }
}
