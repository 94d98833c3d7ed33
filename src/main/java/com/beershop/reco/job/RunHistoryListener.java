package com.beershop.reco.job;

import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.config.ScoringProperties;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.StringJoiner;

/** Writes one run-history row per job execution, whatever the outcome, and prints the run summary. */
@Component
public class RunHistoryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunHistoryListener.class);

    private final RunState state;
    private final RunHistoryRepository history;
    private final ModelProperties model;
    private final ScoringProperties scoring;
    private final AppVersion appVersion;
    private final RunSummary summary;

    public RunHistoryListener(RunState state, RunHistoryRepository history, ModelProperties model,
                              ScoringProperties scoring, AppVersion appVersion, RunSummary summary) {
        this.state = state;
        this.history = history;
        this.model = model;
        this.scoring = scoring;
        this.appVersion = appVersion;
        this.summary = summary;
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunRecord record = toRecord(execution);
        try {
            history.insert(record);
        } catch (RuntimeException e) {
            // the run's outcome stands; losing its history row must not hide it
            log.error("Could not write the run-history row of job execution {}: {}", execution.getId(), e.toString());
        }
        summary.print(record, state);
    }

    RunRecord toRecord(JobExecution execution) {
        JobOutcome outcome = JobOutcome.of(execution);
        LocalDateTime started = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
        RunRecord r = RunRecords.start(execution.getId(), "run", started, appVersion.value(), model.spec(),
                model.seed(), scoring.topN());
        r.endedAt = LocalDateTime.now();
        RunRecords.input(r, state);
        if (state.evaluation() != null) {
            RunRecords.evaluation(r, state.evaluation());
        }
        if (state.baseline() != null) {
            r.baselineNdcgAtN = state.baseline().ndcg();
        }
        if (state.verdict() != null) {
            r.gateVerdict = state.verdict().decision().name();
            r.gateReason = state.verdict().reason();
        }
        r.stepSeconds = stepSeconds(execution);
        r.published = JobOutcome.PUBLISHED.equals(outcome.outcome());
        r.rowsPublished = r.published ? state.rowsPublished() : 0L;
        r.outcome = outcome.outcome();
        r.outcomeReason = outcome.reason();
        r.exitCode = outcome.exitCode();
        return r;
    }

    static String stepSeconds(JobExecution execution) {
        StringJoiner joiner = new StringJoiner(", ");
        for (StepExecution step : execution.getStepExecutions()) {
            LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
            double seconds = step.getStartTime() == null ? 0
                    : Duration.between(step.getStartTime(), end).toMillis() / 1000.0;
            joiner.add(String.format(Locale.ROOT, "%s=%.2f", step.getStepName(), seconds));
        }
        return joiner.toString();
    }
}
