package com.beershop.reco.config;

import com.beershop.reco.evaluation.SplitKind;
import com.beershop.reco.evaluation.selection.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Model selection: the run picks the algorithm and hyperparameters with the best validation nDCG@N from a search
 * space, on a validation split carved from the gate's training part. It selects on a schedule and reuses the
 * recorded choice on the nights between (docs/quality.md, "Selection on a schedule").
 *
 * @param enabled off: the run trains {@code reco.model.*} as configured
 * @param candidates the search space, entries like {@code ials:factors=16|64,alpha=3|10}; empty: the built-in
 *                   space ({@link SearchSpace#DEFAULT_ENTRIES}, docs/quality.md)
 * @param workBudget what the search may spend beyond the configured model, in the cost model's units
 *                   (multiply-adds); a candidate that does not fit what is left is skipped. Work, not seconds, so the
 *                   same data and configuration choose the same model on a busy node
 * @param wallLimit a hard limit on the selection's wall time: no candidate starts after it (recorded when hit)
 * @param maxAge a run reuses the last recorded selection while it is younger than this
 * @param maxDataChange ... and while the ratings, users and products have each changed by at most this share since
 * @param force select tonight whatever the schedule says (the {@code select} mode always does)
 * @param maxRatings above this many training ratings the selection works on a random sample of whole users
 * @param validationFraction share of each user's training ratings held out for validation
 * @param minGain relative validation nDCG gain a candidate needs over the best before it (cheaper, and the
 *                configured model first) to replace it; 0 (default): the best validation nDCG wins, ties to the
 *                earlier; 0.01 trades a little quality for cheaper models (docs/quality.md, "Model selection")
 * @param noiseMargin the cheapest candidate whose validation nDCG falls short of the best by no more than this many
 *                    standard errors (paired over the validation users) is chosen; 0 (default): the best validation
 *                    nDCG, whatever it costs; 1 is the one-standard-error rule, which costs quality on MovieLens
 *                    (docs/quality.md, "Cheaper within noise")
 * @param budget the seconds budget of earlier versions: refused with a pointer to its replacements, so a stale
 *               setting does not silently stop meaning anything
 */
@ConfigurationProperties("reco.selection")
public record SelectionProperties(
        @DefaultValue("true") boolean enabled,
        List<String> candidates,
        @DefaultValue("1e12") double workBudget,
        @DefaultValue("20m") Duration wallLimit,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("0.2") double maxDataChange,
        @DefaultValue("false") boolean force,
        @DefaultValue("500000") int maxRatings,
        @DefaultValue("0.1") double validationFraction,
        @DefaultValue("0") double minGain,
        @DefaultValue("0") double noiseMargin,
        Duration budget) {

    public SelectionProperties {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (budget != null) {
            throw new IllegalArgumentException("reco.selection.budget (seconds) is gone: the selection is bounded by"
                    + " reco.selection.work-budget (cost-model units, default 1e12) and reco.selection.wall-limit"
                    + " (default 20m); see docs/operations.md");
        }
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("reco.selection.validation-fraction must lie strictly between 0 and 1");
        }
        if (maxRatings < 1000) {
            throw new IllegalArgumentException("reco.selection.max-ratings must be at least 1000");
        }
        if (minGain < 0 || minGain >= 1) {
            throw new IllegalArgumentException("reco.selection.min-gain must lie in [0, 1)");
        }
        if (!(noiseMargin >= 0) || Double.isInfinite(noiseMargin)) {
            throw new IllegalArgumentException("reco.selection.noise-margin must be a finite number of standard"
                    + " errors, not negative");
        }
        if (!(workBudget >= 0) || Double.isInfinite(workBudget)) {
            throw new IllegalArgumentException("reco.selection.work-budget must be a finite number, not negative");
        }
        if (wallLimit.isNegative() || wallLimit.isZero()) {
            throw new IllegalArgumentException("reco.selection.wall-limit must be positive");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("reco.selection.max-age must not be negative");
        }
        if (!(maxDataChange >= 0)) {
            throw new IllegalArgumentException("reco.selection.max-data-change must not be negative");
        }
    }

    public SearchSpace searchSpace() {
        return searchSpace(SplitKind.RANDOM);
    }

    /**
     * The configured space, or the built-in one; for a recent split the built-in space starts with the time-aware
     * candidates ({@link SearchSpace#RECENT_ENTRIES}).
     */
    public SearchSpace searchSpace(SplitKind split) {
        if (!candidates.isEmpty()) {
            return SearchSpace.parse(candidates);
        }
        if (split != SplitKind.RECENT) {
            return SearchSpace.parse(SearchSpace.DEFAULT_ENTRIES);
        }
        List<String> entries = new ArrayList<>(SearchSpace.RECENT_ENTRIES);
        entries.addAll(SearchSpace.DEFAULT_ENTRIES);
        return SearchSpace.parse(entries);
    }
}
