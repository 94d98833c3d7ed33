package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the job's own records are kept.
 *
 * @param retentionDays after each publish, rows of {@code reco_run_history}, {@code reco_model_selection} and
 *                      Spring Batch's {@code BATCH_*} tables older than this many days are removed, except those of
 *                      the generations kept for republish ({@code reco.publish.keep-generations}); 0 keeps all
 */
@ConfigurationProperties("reco.tracking")
public record TrackingProperties(@DefaultValue("400") int retentionDays) {

    public TrackingProperties {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("reco.tracking.retention-days must be 0 (keep all) or more, got "
                    + retentionDays);
        }
    }
}
