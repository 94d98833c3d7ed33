package com.beershop.reco.job;

import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.ModelCheck;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RatingsRead;
import com.beershop.reco.outcome.JobOutcome;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunEnd;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunIdentity;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.RunRecord;
import com.beershop.reco.tracking.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one run-history row per job execution, whatever the outcome, and prints the run summary. A rehearsal's
 * row has run mode {@code rehearse} and outcome {@code REHEARSED} (see {@link Rehearsal#end}).
 */
class RunHistoryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunHistoryListener.class);

    private final RunHistoryRepository history;
    private final ModelProperties model;
    private final HoldoutProtocol protocol;
    private final AppVersion appVersion;
    private final RunSummary summary;
    private final StageResult<RatingsCollector> ratings;
    private final StageResult<CheckedInput> input;
    private final StageResult<HoldoutEvaluation> evaluation;
    private final StageResult<ModelCheck> check;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<PublishResult> published;
    private final StageResult<ModelChoice> choice;
    private final RunReadout readout;

    RunHistoryListener(RunHistoryRepository history, ModelProperties model, HoldoutProtocol protocol,
                       AppVersion appVersion, RunSummary summary, StageResult<RatingsCollector> ratings,
                       StageResult<CheckedInput> input, StageResult<HoldoutEvaluation> evaluation,
                       StageResult<ModelCheck> check, StageResult<RecommendationLists> lists,
                       StageResult<PublishResult> published, StageResult<ModelChoice> choice, RunReadout readout) {
        this.readout = readout;
        this.history = history;
        this.model = model;
        this.protocol = protocol;
        this.appVersion = appVersion;
        this.summary = summary;
        this.ratings = ratings;
        this.input = input;
        this.evaluation = evaluation;
        this.check = check;
        this.lists = lists;
        this.published = published;
        this.choice = choice;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        readout.reset();
    }

    @Override
    public void afterJob(JobExecution execution) {
        // measured beside the evaluation and training, or now where the run ended before it
        readout.finish();
        RunRecord record = readout.addTo(toRecord(execution));
        try {
            history.insert(record);
        } catch (RuntimeException e) {
            // the run's outcome stands; losing its history row must not hide it
            log.error("Could not write the run-history row of job execution {}: {}", execution.getId(), e.toString());
        }
        summary.print(record, input.orNull(), lists.orNull());
    }

    RunRecord toRecord(JobExecution execution) {
        JobOutcome outcome = JobOutcome.of(execution);
        LocalDateTime started = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
        boolean rehearsal = RehearsalJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName());
        RunIdentity run = new RunIdentity(execution.getId(), rehearsal ? RunMode.REHEARSE : RunMode.RUN, started,
                appVersion.value(), appVersion.gitCommit(), choice.find().map(ModelChoice::spec).orElse(model.spec()),
                model.seed(), protocol);
        boolean isPublished = outcome.outcome() == RunOutcome.PUBLISHED;
        RunEnd end = rehearsal ? Rehearsal.end(outcome)
                : new RunEnd(LocalDateTime.now(), outcome.outcome(), outcome.reason(), outcome.exitCode(), isPublished);
        ModelCheck modelCheck = check.orNull();
        RecommendationLists scored = lists.orNull();
        RatingsRead read = ratings.find().map(RatingsCollector::summary).orElse(null);
        ModelChoice chosen = choice.orNull();
        return RunRecord.of(run, end, read, input.orNull(), evaluation.orNull(),
                modelCheck == null ? null : modelCheck.verdict(), published.orNull(),
                scored == null ? null : scored.diversity(), stepSeconds(execution))
                .withSelection(chosen == null ? null : chosen.selectionId(), chosen == null ? null : chosen.note());
    }

    static Map<String, Double> stepSeconds(JobExecution execution) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
            double wall = step.getStartTime() == null ? 0 : Duration.between(step.getStartTime(), end).toMillis() / 1000.0;
            seconds.put(step.getStepName(), Math.round(wall * 100) / 100.0);
        }
        return seconds;
    }
}
