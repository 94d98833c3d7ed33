package com.beershop.reco.config;

import com.beershop.reco.scoring.Fallback;
import com.beershop.reco.scoring.ListPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topN rows published per user (ranks 1..N)
 * @param minUserRatings users with fewer ratings get the fallback's products they have not rated instead
 * @param fallback {@code most-popular} (default) or {@code recent-popular} (trending, 14-day half-life): the list
 *     of users with too few ratings, and of users the model gives no finite score
 * @param threads worker threads of the run, for training and hold-out evaluation as well as scoring (the key
 *     predates that); 0 means one per available core
 * @param diversityWeight the style re-rank's knob in [0, 1): 0 (default) keeps the model's order; 0.1-0.2 lets a
 *     new style climb a few places (docs/quality.md, "Diversity by style"). The gate and model selection judge
 *     the re-ranked lists, as published.
 */
@ConfigurationProperties("reco.scoring")
public record ScoringProperties(
        @DefaultValue("10") int topN,
        @DefaultValue("3") int minUserRatings,
        @DefaultValue("0") int threads,
        @DefaultValue("0") double diversityWeight,
        @DefaultValue("most-popular") Fallback fallback) {

    public ScoringProperties {
        if (topN < 1 || topN > 1000) {
            throw new IllegalArgumentException("reco.scoring.top-n must lie in 1..1000");
        }
        if (minUserRatings < 0 || threads < 0) {
            throw new IllegalArgumentException("reco.scoring.min-user-ratings and threads must not be negative");
        }
        if (!(diversityWeight >= 0 && diversityWeight < 1)) {
            throw new IllegalArgumentException("reco.scoring.diversity-weight must lie in [0, 1), was " + diversityWeight);
        }
    }

    /** How each published (and each judged) list is made. */
    public ListPolicy lists() {
        return new ListPolicy(topN, diversityWeight, fallback);
    }
}
