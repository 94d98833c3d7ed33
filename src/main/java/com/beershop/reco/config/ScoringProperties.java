package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topN rows published per user (ranks 1..N)
 * @param minUserRatings users with fewer ratings get the most-popular products they have not rated instead
 * @param threads worker threads of the run, for training and hold-out evaluation as well as scoring (the key
 *     predates that); 0 means one per available core
 */
@ConfigurationProperties("reco.scoring")
public record ScoringProperties(
        @DefaultValue("10") int topN,
        @DefaultValue("3") int minUserRatings,
        @DefaultValue("0") int threads) {

    public ScoringProperties {
        if (topN < 1 || topN > 1000) {
            throw new IllegalArgumentException("reco.scoring.top-n must lie in 1..1000");
        }
        if (minUserRatings < 0 || threads < 0) {
            throw new IllegalArgumentException("reco.scoring.min-user-ratings and threads must not be negative");
        }
    }
}
