package com.beershop.reco.job;

import com.beershop.reco.evaluation.AlgorithmComparison;
import com.beershop.reco.evaluation.SeedSpread;
import com.beershop.reco.evaluation.AlgorithmComparison.Candidate;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.tracking.RunEnd;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunIdentity;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The {@code evaluate} mode's step: runs the comparison, one run-history row per candidate, one table; with
 * {@code reco.evaluation.seeds} above 1 a second table gives every candidate's nDCG on that many splits.
 */
class CompareAlgorithmsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CompareAlgorithmsTasklet.class);

    private final AlgorithmComparison comparison;
    private final List<String> candidates;
    private final HoldoutProtocol protocol;
    private final long seed;
    private final int topN;
    private final RunHistoryRepository history;
    private final AppVersion appVersion;
    private final StageResult<CheckedInput> input;
    private final SeedSpread spread;
    private final int seeds;

    CompareAlgorithmsTasklet(AlgorithmComparison comparison, List<String> candidates, HoldoutProtocol protocol,
                             RunHistoryRepository history, AppVersion appVersion, StageResult<CheckedInput> input,
                             SeedSpread spread, int seeds) {
        this.comparison = comparison;
        this.candidates = candidates;
        this.protocol = protocol;
        this.seed = protocol.seed();
        this.topN = protocol.topN();
        this.history = history;
        this.appVersion = appVersion;
        this.input = input;
        this.spread = spread;
        this.seeds = seeds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        CheckedInput loaded = input.get();
        List<AlgorithmSpec> specs = candidates.stream().map(AlgorithmSpec::parse).toList();
        LocalDateTime[] started = {LocalDateTime.now()};
        List<Candidate> results = comparison.compare(specs, loaded.data(), candidate -> {
            history.insert(record(executionId, started[0], loaded, candidate));
            contribution.incrementWriteCount(1);
            started[0] = LocalDateTime.now();
        });
        log.info("Offline comparison on {} ratings, {} users, {}, seed {}:\n{}", loaded.ratingsUsed(),
                loaded.users(), protocol.describe(), seed, comparison.table(results));
        if (seeds > 1) {
            List<SeedSpread.Row> rows = spread.measure(specs, loaded.data(), seed, seeds);
            log.info("The same candidates on {} per-user splits (seeds {} to {}), nDCG@{} mean and spread:\n{}",
                    seeds, seed, seed + seeds - 1, topN, spread.table(rows, seed));
        }
        return RepeatStatus.FINISHED;
    }

    private RunRecord record(long executionId, LocalDateTime started, CheckedInput loaded, Candidate candidate) {
        RunIdentity run = new RunIdentity(executionId, RunMode.EVALUATE, started, appVersion.value(),
                appVersion.gitCommit(), candidate.spec(), seed, protocol);
        RunEnd end = new RunEnd(LocalDateTime.now(), candidate.failed() ? RunOutcome.FAILED : RunOutcome.EVALUATED,
                candidate.failure(), null, false);
        HoldoutEvaluation evaluation = candidate.failed() ? null : HoldoutEvaluation.of(candidate.result());
        return RunRecord.of(run, end, loaded.read(), loaded, evaluation, null, null, null, null);
    }
}
