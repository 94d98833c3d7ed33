package com.beershop.reco.publish;

import com.beershop.reco.outcome.RunRefusedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks that keep a broken night off the website. Each runs before anything in the live table is deleted and
 * refuses the run ({@link com.beershop.reco.outcome.ExitCodes#PUBLISH_REFUSED}) instead of publishing lists that
 * would serve fewer people than yesterday's: no recommendable product at all, an input or a catalogue that collapsed
 * against the last published run (a half-finished load), lists that would shrink sharply against what is live now, or a model
 * whose scores are not finite for many users. The shrink checks can be overridden for one night's data, the
 * others never.
 */
public final class PublishGuards {

    private final double maxInputDrop;
    private final double maxCatalogueDrop;
    private final double maxLiveDrop;
    private final double maxNonFiniteShare;

    /**
     * @param maxInputDrop largest allowed fall of ratings or users read, against the last published run (0.5 = 50 %)
     * @param maxCatalogueDrop largest allowed fall of recommendable products, against the last published run
     * @param maxLiveDrop largest allowed fall of rows or users served, against the live table now
     * @param maxNonFiniteShare largest share of users whose scores may contain NaN or infinities
     */
    public PublishGuards(double maxInputDrop, double maxCatalogueDrop, double maxLiveDrop, double maxNonFiniteShare) {
        this.maxInputDrop = maxInputDrop;
        this.maxCatalogueDrop = maxCatalogueDrop;
        this.maxLiveDrop = maxLiveDrop;
        this.maxNonFiniteShare = maxNonFiniteShare;
    }

    /**
     * What the last published run read; absent before the first publish. {@code recommendableProducts} is null for
     * a run recorded before the history kept it.
     */
    public record PublishedInput(long jobExecutionId, long ratings, long users, Integer recommendableProducts) {
    }

    /** How many rows and users the live table serves now. */
    public record LiveTable(long rows, long users) {
    }

    /** Before training: the input itself. */
    public void checkInput(int recommendableProducts, long ratings, long users, PublishedInput last, boolean overridden) {
        if (recommendableProducts == 0) {
            throw RunRefusedException.publishRefused("no product can be recommended: the products table is empty, "
                    + "or no product is active (is `active` NULL after a half-done product reload?)");
        }
        if (last == null || overridden) {
            return;
        }
        List<String> falls = new ArrayList<>();
        fall("ratings read", ratings, last.ratings(), maxInputDrop, falls);
        fall("users read", users, last.users(), maxInputDrop, falls);
        if (!falls.isEmpty()) {
            throw RunRefusedException.publishRefused(String.join("; ", falls) + " against the last published run "
                    + last.jobExecutionId() + " (reco.publish.max-input-drop): a collapsed input, not a shop");
        }
        if (last.recommendableProducts() != null) {
            fall("recommendable products", recommendableProducts, last.recommendableProducts(), maxCatalogueDrop, falls);
        }
        if (!falls.isEmpty()) {
            throw RunRefusedException.publishRefused(falls.get(0) + " against the last published run "
                    + last.jobExecutionId() + " (reco.publish.max-catalogue-drop): a partial catalogue (`active` NULL "
                    + "or products missing after a half-done reload?), or a real mass delisting for the override");
        }
    }

    /** After scoring, before staging: the lists against what the website serves now. */
    public void checkLists(long rows, long users, long nonFiniteUsers, long usersScored, LiveTable live,
                           boolean overridden) {
        double nonFiniteShare = usersScored == 0 ? 0 : nonFiniteUsers / (double) usersScored;
        if (nonFiniteShare > maxNonFiniteShare) {
            throw RunRefusedException.publishRefused(String.format(Locale.ROOT,
                    "the model gave NaN or infinite scores for %d of %d users (%.1f%%, more than %.1f%%, "
                            + "reco.publish.max-non-finite-share): it diverged",
                    nonFiniteUsers, usersScored, nonFiniteShare * 100, maxNonFiniteShare * 100));
        }
        if (rows == 0) {
            throw RunRefusedException.publishRefused("the run produced no recommendation at all");
        }
        if (overridden) {
            return;
        }
        List<String> falls = new ArrayList<>();
        fall("rows to publish", rows, live.rows(), maxLiveDrop, falls);
        fall("users served", users, live.users(), maxLiveDrop, falls);
        if (!falls.isEmpty()) {
            throw RunRefusedException.publishRefused(String.join("; ", falls)
                    + " against the live table now (reco.publish.max-live-drop)");
        }
    }

    private static void fall(String what, long now, long before, double maxDrop, List<String> falls) {
        if (before > 0 && now < before * (1 - maxDrop)) {
            falls.add(String.format(Locale.ROOT, "%s fell from %d to %d (%.0f%%, more than the allowed %.0f%%)",
                    what, before, now, 100.0 * (before - now) / before, maxDrop * 100));
        }
    }
}
