package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Offline evaluation on a per-user hold-out.
 *
 * @param holdoutFraction share of each user's ratings held out for testing
 * @param candidates algorithm configurations the {@code evaluate} mode compares, each written as
 *                   {@code name} or {@code name:key=value,key=value}
 */
@ConfigurationProperties("reco.evaluation")
public record EvaluationProperties(
        @DefaultValue("0.25") double holdoutFraction,
        @DefaultValue({"most-popular", "ials", "ease", "librec-biasedmf", "librec-bpr", "librec-eals", "librec-wrmf"})
        List<String> candidates) {

    public EvaluationProperties {
        if (holdoutFraction <= 0 || holdoutFraction >= 1) {
            throw new IllegalArgumentException("reco.evaluation.holdout-fraction must lie strictly between 0 and 1");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
