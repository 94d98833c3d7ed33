package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize staged rows per JDBC batch and per commit
 */
@ConfigurationProperties("reco.publish")
public record PublishProperties(@DefaultValue("10000") int batchSize) {

    public PublishProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("reco.publish.batch-size must be positive");
        }
    }
}
