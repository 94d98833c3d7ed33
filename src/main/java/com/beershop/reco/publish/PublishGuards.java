package com.beershop.reco.publish;

import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.scoring.ModelAgreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks that keep a broken night off the website. Each runs before anything in the live table is deleted and
 * refuses the run ({@link com.beershop.reco.outcome.ExitCodes#PUBLISH_REFUSED}) instead of publishing lists that
 * would serve fewer people than yesterday's: no recommendable product at all, an input or a catalogue that collapsed
 * against the last published run (a half-finished load), lists that would shrink sharply against what is live now,
 * a model whose scores are not finite for many users, or a published model (trained on all ratings) whose lists
 * collapsed against the model the gate judged. The shrink and agreement checks can be overridden for one night's
 * data, the others never.
 */
public final class PublishGuards {

    private final double maxInputDrop;
    private final double maxCatalogueDrop;
    private final double maxLiveDrop;
    private final double maxNonFiniteShare;
    private final double minModelAgreement;
    private final double minCoverageRatio;

    /**
     * @param maxInputDrop largest allowed fall of ratings or users read, against the last published run (0.5 = 50 %)
     * @param maxCatalogueDrop largest allowed fall of recommendable products, against the last published run
     * @param maxLiveDrop largest allowed fall of rows or users served, against the live table now
     * @param maxNonFiniteShare largest share of the users the model scored whose scores may contain NaN or infinities
     * @param minModelAgreement smallest mean top-N overlap (Jaccard) of the published model's lists with the judged
     *                          model's
     * @param minCoverageRatio smallest share of the judged model's listed items the published model may list
     */
    public PublishGuards(double maxInputDrop, double maxCatalogueDrop, double maxLiveDrop, double maxNonFiniteShare,
                         double minModelAgreement, double minCoverageRatio) {
        this.maxInputDrop = maxInputDrop;
        this.maxCatalogueDrop = maxCatalogueDrop;
        this.maxLiveDrop = maxLiveDrop;
        this.maxNonFiniteShare = maxNonFiniteShare;
        this.minModelAgreement = minModelAgreement;
        this.minCoverageRatio = minCoverageRatio;
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

    /**
     * After scoring: the model that goes live against the model the gate judged, on the same users. A model that
     * diverged or collapsed when trained again on all ratings lists other items, fewer items, or none.
     */
    public void checkAgreement(ModelAgreement agreement, boolean overridden) {
        if (agreement == null || overridden) {
            return;
        }
        List<String> collapses = new ArrayList<>();
        if (agreement.meanJaccard() < minModelAgreement) {
            collapses.add(String.format(Locale.ROOT,
                    "mean top-N overlap %.3f, below %.3f (reco.publish.min-model-agreement)",
                    agreement.meanJaccard(), minModelAgreement));
        }
        if (agreement.coverageRatio() < minCoverageRatio) {
            collapses.add(String.format(Locale.ROOT, "%d items listed against %d (%.0f%%, below %.0f%%, "
                            + "reco.publish.min-coverage-ratio)", agreement.publishedItems(), agreement.judgedItems(),
                    100 * agreement.coverageRatio(), 100 * minCoverageRatio));
        }
        if (agreement.publishedFiniteShare() < agreement.judgedFiniteShare() - maxNonFiniteShare) {
            collapses.add(String.format(Locale.ROOT, "finite scores for %.1f%% of the users against %.1f%% "
                            + "(reco.publish.max-non-finite-share)", 100 * agreement.publishedFiniteShare(),
                    100 * agreement.judgedFiniteShare()));
        }
        if (!collapses.isEmpty()) {
            throw RunRefusedException.publishRefused("the model trained on all ratings disagrees with the judged "
                    + "hold-out model on " + agreement.sampledUsers() + " users: " + String.join("; ", collapses)
                    + ": it diverged or collapsed when trained again");
        }
    }

    /**
     * After scoring, before staging: the lists against what the website serves now.
     *
     * @param usersScored the users the model scored (not those with too few ratings, who got the fallback)
     */
    public void checkLists(long rows, long users, long nonFiniteUsers, long usersScored, LiveTable live,
                           boolean overridden) {
        double nonFiniteShare = usersScored == 0 ? 0 : nonFiniteUsers / (double) usersScored;
        if (nonFiniteShare > maxNonFiniteShare) {
            throw RunRefusedException.publishRefused(String.format(Locale.ROOT,
                    "the model gave NaN or infinite scores for %d of the %d users it scored (%.1f%%, more than %.1f%%, "
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
