package com.beershop.reco.monitoring;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Prometheus series a run pushes to the Pushgateway (all gauges, grouping job="beer-reco-batch"). The alert
 * rules and the Grafana dashboard in cronjob/monitoring query these names, and the delivery tests hold them to
 * this list, so a renamed series cannot leave an alert silently querying nothing.
 */
public enum RunSeries {

    RUN_EXIT_CODE("reco_run_exit_code"),
    RUN_PUBLISHED("reco_run_published"),
    RUN_OUTCOME("reco_run_outcome", "outcome"),
    RUN_END_TIMESTAMP("reco_run_end_timestamp_seconds"),
    LAST_SUCCESSFUL_PUBLISH_TIMESTAMP("reco_last_successful_publish_timestamp_seconds"),
    STEP_SECONDS("reco_step_seconds", "step"),
    RATINGS_READ("reco_ratings_read"),
    RATINGS_REJECTED("reco_ratings_rejected"),
    USERS("reco_users"),
    PRODUCTS("reco_products"),
    ROWS_PUBLISHED("reco_rows_published"),
    NDCG("reco_ndcg"),
    BASELINE_NDCG("reco_baseline_ndcg"),
    GATE_MIN_NDCG("reco_gate_min_ndcg"),
    GATE_DECISION("reco_gate_decision", "decision"),
    ROLLOUT_SHARE("reco_rollout_share"),
    ONLINE_HIT_RATE("reco_online_hit_rate", "arm"),
    ONLINE_HIT_RATE_LOW("reco_online_hit_rate_low", "arm"),
    ONLINE_HIT_RATE_HIGH("reco_online_hit_rate_high", "arm"),
    ONLINE_USERS("reco_online_users", "arm"),
    ONLINE_USERS_WITH_HITS("reco_online_users_with_hits", "arm");

    private final String prometheusName;
    private final List<String> labels;

    RunSeries(String prometheusName, String... labels) {
        this.prometheusName = prometheusName;
        this.labels = List.of(labels);
    }

    /** The name as Prometheus and the Pushgateway show it. */
    public String prometheusName() {
        return prometheusName;
    }

    /** The name Micrometer registers: its Prometheus naming convention turns the dots back into underscores. */
    public String meterName() {
        return prometheusName.replace('_', '.');
    }

    /** Label names besides job and instance. */
    public List<String> labels() {
        return labels;
    }

    public static Set<String> prometheusNames() {
        return Stream.of(values()).map(RunSeries::prometheusName).collect(Collectors.toUnmodifiableSet());
    }
}
