package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checks a run's hold-out quality must pass before it may publish; all compare on tonight's split.
 *
 * @param enabled switch the gate off entirely (not recommended; recorded in the run history; the manifests'
 *                tests refuse a manifest that does it)
 * @param minNdcg absolute floor for nDCG@N: catches a broken model; kept low because nDCG falls with the
 *                catalogue's size (0.06 on 5,000 products, 0.009 on 50,000), and beating most-popular is the
 *                stronger check
 * @param mustBeatPopularity refuse a model whose nDCG@N does not exceed most-popular's on the same split
 * @param maxRelativeDrop refuse a model more than this share below the last published configuration, trained again
 *                        and measured on the same split (only when tonight's configuration differs from it)
 * @param override a one-shot override: the data fingerprint of a refused run, or its run id (job execution id).
 *                 A run whose data has that fingerprint publishes despite the gate and the shrink guards (recorded
 *                 as OVERRIDDEN); any other night is judged normally, so a forgotten override forces nothing
 */
@ConfigurationProperties("reco.gate")
public record QualityGateProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.001") double minNdcg,
        @DefaultValue("true") boolean mustBeatPopularity,
        @DefaultValue("0.05") double maxRelativeDrop,
        @DefaultValue("") String override) {

    public QualityGateProperties {
        override = override == null ? "" : override.strip();
        if (!override.isEmpty() && override.chars().allMatch(Character::isDigit)) {
            try {
                Long.parseLong(override);
            } catch (NumberFormatException tooLong) {
                throw new IllegalArgumentException("reco.gate.override=" + override + " is no run id (a job "
                        + "execution id is at most " + Long.MAX_VALUE + ") and no data fingerprint (ratings:hash)");
            }
        }
    }
}
