package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param staleAfter an execution still marked running but not updated for this long was left by a killed process;
 *                   the next run marks it failed (Spring Batch's recover) so the metadata tells the truth
 * @param reportRows how many run-history rows the {@code report} mode prints
 */
@ConfigurationProperties("reco.job")
public record JobProperties(@DefaultValue("PT6H") Duration staleAfter, @DefaultValue("20") int reportRows) {
}
