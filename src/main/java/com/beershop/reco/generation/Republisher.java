package com.beershop.reco.generation;

import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.FailureClassifier;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.tracking.RunEnd;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The {@code republish} mode: puts a kept generation back in the live table with the same atomic publish as a
 * run (one short transaction, DELETE then INSERT ... SELECT from its staged rows), without training and without
 * the quality gate, and records it in the run history (outcome {@code REPUBLISHED}). A run id that never
 * published, or whose rows were pruned, is refused before anything is touched. The publish guards' shrink check
 * applies as to a run (the restored lists against the live table, {@code reco.gate.override} naming the restored
 * run lets it through); a refusal is recorded ({@code PUBLISH_REFUSED}). The caller holds the run lock.
 */
public class Republisher {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);

    private final Generations generations;
    private final RunHistoryRepository history;
    private final StagingRepository staging;
    private final RecommendationPublisher publisher;
    private final PublishGuards guards;
    private final Predicate<String> overriddenForData;
    private final String appVersion;

    /**
     * @param overriddenForData whether {@code reco.gate.override} applies to a run with this data fingerprint
     */
    public Republisher(Generations generations, RunHistoryRepository history, StagingRepository staging,
                       RecommendationPublisher publisher, PublishGuards guards, Predicate<String> overriddenForData,
                       String appVersion) {
        this.generations = generations;
        this.history = history;
        this.staging = staging;
        this.publisher = publisher;
        this.guards = guards;
        this.overriddenForData = overriddenForData;
        this.appVersion = appVersion;
    }

    /**
     * The run to republish: the command line's {@code republish RUN_ID}, else {@code reco.publish.republish-run-id}.
     *
     * @throws RunRefusedException with the configuration exit code when neither names a run id
     */
    public static long runId(String argument, Long configured) {
        if (argument == null) {
            if (configured == null) {
                throw RunRefusedException.configuration("republish needs the run id of a kept generation:"
                        + " 'republish RUN_ID', or reco.publish.republish-run-id (RECO_PUBLISH_REPUBLISH_RUN_ID);"
                        + " the report mode lists them");
            }
            return configured;
        }
        try {
            return Long.parseLong(argument.trim());
        } catch (NumberFormatException e) {
            throw RunRefusedException.configuration("republish RUN_ID: '" + argument + "' is not a run id (the"
                    + " job execution id the report mode lists)");
        }
    }

    /**
     * @return the run-history row written for the republish
     * @throws RunRefusedException with the configuration exit code when {@code runId} is no kept generation
     */
    public RunRecord republish(long runId) {
        LocalDateTime started = LocalDateTime.now();
        Generation generation = generations.find(runId)
                .orElseThrow(() -> RunRefusedException.configuration("run " + runId
                        + " never published, so there is no generation " + runId + " to republish; " + kept()));
        if (!generation.canRepublish()) {
            throw RunRefusedException.configuration("generation " + runId + " was pruned (its staged rows are gone:"
                    + " " + generation.stagedRows() + " of " + generation.publishedBy().rowsPublished() + " left); "
                    + kept());
        }
        if (generation.live()) {
            log.info("Generation {} is already live; publishing its rows again", runId);
        }
        RunRecord restored = generation.publishedBy();
        long startedNanos = System.nanoTime();
        PublishResult result;
        try {
            guard(generation);
            result = publisher.publish(runId, generation.stagedRows());
        } catch (RuntimeException failure) {
            record(restored, started, failed(failure), 0, startedNanos);
            throw failure;
        }
        String reason = "restored run " + runId + " (" + restored.algorithm() + ", published "
                + restored.startedAt() + "): " + result.rowsPublished() + " rows replaced " + result.rowsReplaced();
        RunEnd end = new RunEnd(LocalDateTime.now(), RunOutcome.REPUBLISHED, reason, ExitCodes.OK, true);
        RunRecord row = record(restored, started, end, result.rowsPublished(), startedNanos);
        log.info("Republished generation {}: {} rows live again ({} replaced); the live table holds what run {}"
                + " published", runId, result.rowsPublished(), result.rowsReplaced(), runId);
        return row;
    }

    /** The shrink guard, as for a run's lists: no scoring happened, so no score can be non-finite. */
    private void guard(Generation generation) {
        long users = staging.countUsers(generation.runId());
        PublishGuards.LiveTable live = publisher.liveTable();
        String fingerprint = generation.publishedBy().dataFingerprint();
        log.info("Publish guards: generation {} serves {} rows for {} users; the live table serves {} rows for {}"
                + " users", generation.runId(), generation.stagedRows(), users, live.rows(), live.users());
        guards.checkLists(generation.stagedRows(), users, 0, users, live,
                fingerprint != null && overriddenForData.test(fingerprint));
    }

    private RunRecord record(RunRecord restored, LocalDateTime started, RunEnd end, long rows, long startedNanos) {
        double seconds = Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
        RunRecord row = RunRecord.republished(restored, started, appVersion, end, rows, Map.of("publish", seconds));
        history.insert(row);
        return row;
    }

    private static RunEnd failed(RuntimeException failure) {
        int code = FailureClassifier.exitCodeOf(failure);
        return new RunEnd(LocalDateTime.now(), RunOutcome.of(code), FailureClassifier.describe(failure), code,
                false);
    }

    private String kept() {
        String ids = generations.list(generations.keep()).stream().filter(Generation::canRepublish)
                .map(g -> g.runId() + (g.live() ? " (live)" : "")).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "no generation is kept yet" : "kept generations: " + ids;
    }
}
