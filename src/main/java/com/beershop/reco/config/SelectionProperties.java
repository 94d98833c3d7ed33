package com.beershop.reco.config;

import com.beershop.reco.evaluation.SplitKind;
import com.beershop.reco.evaluation.selection.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Nightly model selection: before the quality gate, the run picks the algorithm and hyperparameters with the best
 * validation nDCG@N from a search space, on a validation split carved from the gate's training part.
 *
 * @param enabled off: the run trains {@code reco.model.*} as configured
 * @param candidates the search space, entries like {@code ials:factors=16|64,alpha=3|10}; empty: the built-in
 *                   space ({@link SearchSpace#DEFAULT_ENTRIES}, docs/quality.md)
 * @param budget time the selection may take; a candidate whose estimated cost does not fit what is left is skipped
 * @param fullBudgetRatings above this many training ratings the budget shrinks in proportion (the rest of the run
 *                          grows with the data: at 7.5 M training ratings a 30 s budget becomes 4 s)
 * @param maxRatings above this many training ratings the selection works on a random sample of whole users
 * @param validationFraction share of each user's training ratings held out for validation
 * @param minGain relative validation nDCG gain a candidate needs over the best before it (cheaper, and the
 *                configured model first) to replace it; 0 (default): the best validation nDCG wins, ties to the
 *                earlier; 0.01 trades a little quality for cheaper models (docs/quality.md, "Model selection")
 */
@ConfigurationProperties("reco.selection")
public record SelectionProperties(
        @DefaultValue("true") boolean enabled,
        List<String> candidates,
        @DefaultValue("30s") Duration budget,
        @DefaultValue("1000000") long fullBudgetRatings,
        @DefaultValue("500000") int maxRatings,
        @DefaultValue("0.1") double validationFraction,
        @DefaultValue("0") double minGain) {

    public SelectionProperties {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("reco.selection.validation-fraction must lie strictly between 0 and 1");
        }
        if (maxRatings < 1000) {
            throw new IllegalArgumentException("reco.selection.max-ratings must be at least 1000");
        }
        if (minGain < 0 || minGain >= 1) {
            throw new IllegalArgumentException("reco.selection.min-gain must lie in [0, 1)");
        }
        if (budget.isNegative()) {
            throw new IllegalArgumentException("reco.selection.budget must not be negative");
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
