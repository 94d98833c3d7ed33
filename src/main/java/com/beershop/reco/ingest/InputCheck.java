package com.beershop.reco.ingest;

import com.beershop.reco.outcome.RunRefusedException;

import java.util.Locale;

/**
 * Refuses a run's input before anything is trained or published when it looks broken: too large a share of
 * rejected rows, or too few usable ratings. Otherwise joins the ratings with the catalogue.
 */
public final class InputCheck {

    private final double maxRejectedShare;
    private final long minRatings;

    public InputCheck(double maxRejectedShare, long minRatings) {
        this.maxRejectedShare = maxRejectedShare;
        this.minRatings = minRatings;
    }

    public CheckedInput check(RatingsCollector ratings, ProductCatalog catalog) {
        RatingsRead read = ratings.summary();
        if (read.rejectedShare() > maxRejectedShare) {
            throw RunRefusedException.rejectedInput(String.format(Locale.ROOT,
                    "%d of %d ratings (%s) were rejected, more than the allowed %s (reco.input.max-rejected-share): %s",
                    read.rejected(), read.read(), percent(read.rejectedShare()), percent(maxRejectedShare),
                    read.rejectedByReason()));
        }
        TrainingData data = ratings.toTrainingData(catalog);
        long usable = data.ratings().numRatings();
        if (usable < minRatings) {
            throw RunRefusedException.rejectedInput(String.format(Locale.ROOT,
                    "only %d usable ratings remain, fewer than the %d required (reco.input.min-ratings)",
                    usable, minRatings));
        }
        return new CheckedInput(catalog, data, read, ratings.duplicates(), unrecommendableRatings(data));
    }

    static long unrecommendableRatings(TrainingData data) {
        int[] counts = data.ratings().itemCounts();
        long total = 0;
        for (int item = 0; item < counts.length; item++) {
            if (!data.recommendable()[item]) {
                total += counts[item];
            }
        }
        return total;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
