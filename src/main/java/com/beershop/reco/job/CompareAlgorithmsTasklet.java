package com.beershop.reco.job;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import com.beershop.reco.tracking.TextTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The {@code evaluate} mode's work: every configured candidate on the same per-user hold-out, one table, one
 * run-history row per candidate. Nothing is published. A candidate that cannot run is recorded and skipped.
 */
class CompareAlgorithmsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CompareAlgorithmsTasklet.class);

    private final TrainerCatalog trainers;
    private final List<String> candidates;
    private final double holdoutFraction;
    private final long seed;
    private final int topN;
    private final RunHistoryRepository history;
    private final AppVersion appVersion;
    private final RunState state;

    CompareAlgorithmsTasklet(TrainerCatalog trainers, List<String> candidates, double holdoutFraction, long seed,
                             int topN, RunHistoryRepository history, AppVersion appVersion, RunState state) {
        this.trainers = trainers;
        this.candidates = candidates;
        this.holdoutFraction = holdoutFraction;
        this.seed = seed;
        this.topN = topN;
        this.history = history;
        this.appVersion = appVersion;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        TrainingData data = state.data();
        List<AlgorithmSpec> specs = candidates.stream().map(AlgorithmSpec::parse).toList();
        specs.forEach(trainers::create); // fail on a typo before hours of training
        HoldoutSplit split = HoldoutSplit.perUser(data.ratings(), holdoutFraction, seed);
        OfflineEvaluator evaluator = new OfflineEvaluator(topN, null);
        TextTable table = new TextTable("algorithm", "params", "P@" + topN, "R@" + topN, "nDCG@" + topN,
                "MAP@" + topN, "coverage", "RMSE", "train s", "score s");
        int index = 0;
        for (AlgorithmSpec spec : specs) {
            index++;
            log.info("Evaluating candidate {}/{}: {}", index, specs.size(), spec);
            LocalDateTime started = LocalDateTime.now();
            RunRecord record = RunRecords.start(executionId, "evaluate", started, appVersion.value(), spec, seed, topN);
            RunRecords.input(record, state);
            try {
                EvaluationResult r = evaluator.evaluate(trainers.create(spec), split);
                RunRecords.evaluation(record, r);
                record.outcome = "EVALUATED";
                table.add(spec.name(), r.params(), f(r.precision()), f(r.recall()), f(r.ndcg()),
                        f(r.map()), f(r.coverage()), Double.isNaN(r.rmse()) ? "-" : f(r.rmse()),
                        String.format(Locale.ROOT, "%.2f", r.trainSeconds()),
                        String.format(Locale.ROOT, "%.2f", r.scoreSeconds()));
            } catch (RuntimeException e) {
                log.warn("Candidate {} failed: {}", spec, e.getMessage());
                record.outcome = "FAILED";
                record.outcomeReason = e.getMessage();
                table.add(spec.name(), new TreeMap<>(spec.params()), "failed: " + e.getMessage());
            }
            record.published = false;
            record.rowsPublished = 0L;
            record.endedAt = LocalDateTime.now();
            history.insert(record);
            contribution.incrementWriteCount(1);
        }
        log.info("Offline comparison on {} ratings, {} users, {}% per-user hold-out, seed {}:\n{}",
                data.ratings().numRatings(), data.users().size(), Math.round(holdoutFraction * 100), seed, table);
        return RepeatStatus.FINISHED;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
