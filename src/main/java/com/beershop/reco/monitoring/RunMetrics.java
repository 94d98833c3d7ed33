package com.beershop.reco.monitoring;

import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.online.ArmFigures;
import com.beershop.reco.online.OnlineJson;
import com.beershop.reco.rollout.Arm;
import com.beershop.reco.tracking.RunRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Turns one run-history row into the {@link RunSeries} gauges. Every name is registered on every run, NaN where
 * the run did not get that far: the Pushgateway's POST replaces the series of each name it receives, so no value
 * of an earlier run survives next to this one's.
 */
final class RunMetrics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MeterRegistry registry;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param run           this run's history row
     * @param lastPublished the newest published row of the history (this run's own if it published)
     * @param gateMinNdcg   the configured floor reco.gate.min-ndcg
     * @param zone          the zone the history's timestamps were written in
     */
    void register(RunRecord run, Optional<RunRecord> lastPublished, double gateMinNdcg, ZoneId zone) {
        gauge(RunSeries.RUN_EXIT_CODE, Tags.empty(), run.exitCode());
        gauge(RunSeries.RUN_PUBLISHED, Tags.empty(), run.published() ? 1 : 0);
        gauge(RunSeries.RUN_OUTCOME, Tags.of("outcome", String.valueOf(run.outcome())), 1);
        gauge(RunSeries.RUN_END_TIMESTAMP, Tags.empty(), epochSeconds(run.endedAt(), zone));
        // 0 when nothing was ever published: "no publish for 26 h" is then simply true
        gauge(RunSeries.LAST_SUCCESSFUL_PUBLISH_TIMESTAMP, Tags.empty(),
                lastPublished.map(r -> epochSeconds(r.endedAt(), zone)).orElse(0.0));
        gauge(RunSeries.RATINGS_READ, Tags.empty(), run.ratingsRead());
        gauge(RunSeries.RATINGS_REJECTED, Tags.empty(), run.ratingsRejected());
        gauge(RunSeries.USERS, Tags.empty(), run.users());
        gauge(RunSeries.PRODUCTS, Tags.empty(), run.products());
        gauge(RunSeries.ROWS_PUBLISHED, Tags.empty(), run.rowsPublished() == null ? 0 : run.rowsPublished());
        gauge(RunSeries.NDCG, Tags.empty(), run.ndcgAtN());
        gauge(RunSeries.BASELINE_NDCG, Tags.empty(), run.baselineNdcgAtN());
        gauge(RunSeries.GATE_MIN_NDCG, Tags.empty(), gateMinNdcg);
        // every decision, 1 for this run's: a run that never reached the gate shows 0 everywhere, not yesterday's 1
        for (QualityGate.Decision decision : QualityGate.Decision.values()) {
            gauge(RunSeries.GATE_DECISION, Tags.of("decision", decision.name()),
                    decision.name().equals(run.gateVerdict()) ? 1 : 0);
        }
        gauge(RunSeries.ROLLOUT_SHARE, Tags.empty(), run.rolloutShare());
        registerOnline(run);
        if (run.stepSeconds() != null && !run.stepSeconds().isBlank()) {
            JsonNode steps = JSON.readTree(run.stepSeconds());
            for (String step : steps.propertyNames()) {
                gauge(RunSeries.STEP_SECONDS, Tags.of("step", step), steps.get(step).asDouble());
            }
        }
    }

    /**
     * The online readout of the newest generation the run measured with data, both arms always (NaN for an arm with
     * no figure), so a control arm that is gone does not keep yesterday's values at the Pushgateway.
     */
    private void registerOnline(RunRecord run) {
        List<ArmFigures> newest = OnlineJson.newestMeasured(OnlineJson.read(run.online()));
        for (Arm arm : Arm.values()) {
            Optional<ArmFigures> f = newest.stream().filter(a -> arm.label().equals(a.arm())).findFirst();
            Tags tags = Tags.of("arm", arm.label());
            gauge(RunSeries.ONLINE_HIT_RATE, tags, f.map(ArmFigures::hitRate).orElse(null));
            gauge(RunSeries.ONLINE_HIT_RATE_LOW, tags, f.map(ArmFigures::hitRateLow).orElse(null));
            gauge(RunSeries.ONLINE_HIT_RATE_HIGH, tags, f.map(ArmFigures::hitRateHigh).orElse(null));
            gauge(RunSeries.ONLINE_USERS, tags, f.map(ArmFigures::users).orElse(null));
            gauge(RunSeries.ONLINE_USERS_WITH_HITS, tags, f.map(ArmFigures::usersWithHits).orElse(null));
        }
    }

    private void gauge(RunSeries series, Tags tags, Number value) {
        double v = value == null ? Double.NaN : value.doubleValue();
        Gauge.builder(series.meterName(), () -> v).tags(tags).strongReference(true).register(registry);
    }

    private static Double epochSeconds(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant().toEpochMilli() / 1000.0;
    }
}
