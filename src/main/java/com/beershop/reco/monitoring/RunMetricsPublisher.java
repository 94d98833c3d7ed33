package com.beershop.reco.monitoring;

import com.beershop.reco.config.QualityGateProperties;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.RunRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Optional;

/**
 * At the end of a run, whatever its outcome, registers the run's {@link RunSeries} gauges from its run-history row,
 * just before Boot's Pushgateway manager (when enabled) pushes the registry on shutdown: the context-closed event
 * comes before any bean is destroyed. Early among its listeners, since Boot closes the meter registries on the same
 * event and a closed registry takes no new meters; right after GracefulStop, which on SIGTERM holds the event until
 * the stopped run has written its run-history row. Modes that ran no recommendation job (report, migrate, evaluate) register
 * nothing, so their push leaves the last run's series alone.
 */
@Component
class RunMetricsPublisher {

    private static final Logger log = LoggerFactory.getLogger(RunMetricsPublisher.class);

    private final JobExecutionMdc runs;
    private final RunHistoryRepository history;
    private final QualityGateProperties gate;
    private final MeterRegistry registry;

    RunMetricsPublisher(JobExecutionMdc runs, RunHistoryRepository history, QualityGateProperties gate,
                        MeterRegistry registry) {
        this.runs = runs;
        this.history = history;
        this.gate = gate;
        this.registry = registry;
    }

    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void runEnded() {
        Long executionId = runs.lastJobExecutionId();
        if (executionId == null) {
            return;
        }
        try {
            Optional<RunRecord> run = history.ofJobExecution(executionId).filter(r -> r.ranIn(RunMode.RUN));
            if (run.isPresent()) {
                new RunMetrics(registry).register(run.get(), history.lastPublished(), gate.minNdcg(), ZoneId.systemDefault());
            }
        } catch (RuntimeException e) {
            // the database may be what failed the run: the push then carries Boot's meters but no reco_* series
            log.warn("Run metrics of job execution {} not registered: {}", executionId, e.getMessage());
        }
    }
}
