package com.beershop.reco.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param staleAfter for {@code evaluate}, which runs without the run lock: an execution still marked running but not
 *                   updated for this long was left by a killed process, and is marked failed (Spring Batch's recover).
 *                   {@code run} holds the run lock, so it recovers every execution left running at once
 * @param reportRows how many run-history rows the {@code report} mode prints
 * @param queryTimeout the longest any one statement the job sends may run before the driver cancels it: a read
 *                     or write that hangs fails the run (exit 5, retried) instead of holding it until the
 *                     CronJob's deadline
 * @param stopTimeout on SIGTERM, how long to wait for the running step to end before the process exits anyway; keep
 *                    it below the pod's {@code terminationGracePeriodSeconds}, after which Kubernetes kills it
 * @param reportFormat   {@code table}, {@code json} or {@code csv} on standard output ({@code report --format=json}
 *                       sets it); unset: the table, or nothing when {@code reportHtml} is set
 * @param reportHtml     write the self-contained HTML report to this file ({@code report --html=FILE}); blank: no
 * @param logExampleUser print one customer's id, best ratings and recommendations in the INFO run summary; unset:
 *                       only on the embedded in-memory database, never on a real one
 */
@ConfigurationProperties("reco.job")
public record JobProperties(
        @DefaultValue("PT6H") Duration staleAfter,
        @DefaultValue("20") int reportRows,
        @DefaultValue("PT10M") Duration queryTimeout,
        @DefaultValue("PT90S") Duration stopTimeout,
        ReportFormat reportFormat,
        @DefaultValue("") String reportHtml,
        Boolean logExampleUser) {

    public JobProperties {
        if (queryTimeout.isNegative() || queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("reco.job.query-timeout must be at least one second");
        }
    }

    /** What {@code report} prints on standard output; null: nothing, since {@code --html=FILE} alone writes only the file. */
    public ReportFormat standardOutputFormat() {
        if (reportFormat != null) {
            return reportFormat;
        }
        return reportHtml == null || reportHtml.isBlank() ? ReportFormat.TABLE : null;
    }
}
