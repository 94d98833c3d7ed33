package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checks a run's hold-out quality must pass before it may publish.
 *
 * @param enabled switch the gate off entirely (not recommended; recorded in the run history)
 * @param minNdcg absolute floor for nDCG@N: catches a broken model; kept low because nDCG falls with the
 *                catalogue's size (0.03 on 5,000 products), and beating most-popular is the stronger check
 * @param mustBeatPopularity refuse a model whose nDCG@N does not exceed most-popular's on the same split
 * @param maxRelativeDrop allowed drop of nDCG@N against the last published run, when the data changed little
 * @param dataChangeThreshold relative change in rating count up to which the data counts as "changed little"
 * @param forcePublish publish even if the gate refuses, once, for a deliberate algorithm change (recorded)
 */
@ConfigurationProperties("reco.gate")
public record QualityGateProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.01") double minNdcg,
        @DefaultValue("true") boolean mustBeatPopularity,
        @DefaultValue("0.05") double maxRelativeDrop,
        @DefaultValue("0.10") double dataChangeThreshold,
        @DefaultValue("false") boolean forcePublish) {
}
