package com.beershop.reco.evaluation;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TimeSpan;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a backtest of one night cuts the ratings in time: at {@code days} before the latest rating, or, when that
 * window holds too few of the ratings (a quiet or a young shop) or nearly all of them, at {@code spanShare} of the
 * time span before the latest rating.
 *
 * @param days the window the shop cares about, e.g. 28: "what did customers rate in the last four weeks"
 * @param spanShare the share of the time span cut off instead, in (0, 1)
 */
public record RecentWindow(double days, double spanShare) {

    public static final RecentWindow DEFAULT = new RecentWindow(28, 0.1);
    /** Below this share of the timed ratings in the window, the window is too quiet to judge on. */
    static final double MIN_WINDOW_SHARE = 0.02;
    /** Above this share, the window is most of the history: too little would be left to learn from. */
    static final double MAX_WINDOW_SHARE = 0.5;
    private static final int MINUTES_PER_DAY = 24 * 60;

    public RecentWindow {
        if (!(days > 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("the recent window must be a positive number of days, was " + days);
        }
        if (!(spanShare > 0 && spanShare < 1)) {
            throw new IllegalArgumentException("the recent span share must lie strictly between 0 and 1, was "
                    + spanShare);
        }
    }

    /** A cut: ratings at or after {@code minute} are tonight's future; {@code how} says why there, for the log. */
    public record Cut(int minute, String how) {
    }

    /** The cut for these ratings, or empty when they carry no time span to cut (no times, or all at one minute). */
    public Optional<Cut> cut(InteractionMatrix ratings) {
        Optional<TimeSpan> known = TimeSpan.of(ratings);
        if (known.isEmpty() || known.get().latest() == known.get().earliest()) {
            return Optional.empty();
        }
        int latest = known.get().latest();
        int earliest = known.get().earliest();
        long timed = known.get().timed();
        long windowCut = latest - Math.round(days * MINUTES_PER_DAY) + 1;
        long inWindow = 0;
        for (int k = 0; k < ratings.numRatings(); k++) {
            inWindow += ratings.timeAt(k) >= windowCut ? 1 : 0;
        }
        double share = inWindow / (double) timed;
        String window = String.format(Locale.ROOT, "the last %s days", trim(days));
        if (windowCut > earliest && share >= MIN_WINDOW_SHARE && share <= MAX_WINDOW_SHARE) {
            return Optional.of(new Cut((int) windowCut, String.format(Locale.ROOT, "%s (%.1f %% of the ratings)",
                    window, share * 100)));
        }
        int spanCut = (int) Math.max(earliest + 1L, latest - Math.round(spanShare * ((double) latest - earliest)));
        return Optional.of(new Cut(spanCut, String.format(Locale.ROOT,
                "the last %.0f %% of the time span, since %s holds %.1f %% of the ratings", spanShare * 100, window,
                share * 100)));
    }

    /** "the last 28 days, or the last 10 % of the time span", for the logs. */
    public String describe() {
        return String.format(Locale.ROOT, "the last %s days, or the last %.0f %% of the time span", trim(days),
                spanShare * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
