package com.beershop.reco.tracking;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.RatingsRead;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishResult;

import com.beershop.reco.scoring.ListDiversity;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row of {@code reco_run_history}: what a run trained on, with which parameters, how good it was, what the
 * gate said and whether it published. Built once, at the end, from the stage results the run reached (null where
 * it did not get that far). Component names are the columns' names in camel case, so the row maps back without
 * per-column code. {@code params}, {@code rejectedByReason} and {@code stepSeconds} hold JSON objects.
 * {@code restoredRunId} is set on the row of a republish only: the run whose rows it put back (migration V5).
 * {@code online} holds the run's online readout, a JSON list (migration V9; see {@code online.OnlineJson}).
 * {@code recommendableProducts}: the known, active products the run could recommend (V10).
 * {@code selectionId}: the {@code reco_selection} row whose choice the run trained, whether it selected tonight or
 * reused it; {@code selectionNote} says which and why (V11).
 * {@code listedUsers}: the users with a list in the generation the run put live, when all its rows were the model
 * arm's; the next readout then counts only the users who rated (V13).
 */
public record RunRecord(
        Long id, Long jobExecutionId, String runMode, LocalDateTime startedAt, LocalDateTime endedAt,
        String appVersion, String gitCommit, String algorithm, String params, Long seed, String dataFingerprint,
        Long ratingsRead, Long ratingsRejected, String rejectedByReason, Long duplicateRatings,
        Long unrecommendableRatings, Long ratingsUsed, Integer users, Integer products, Integer topN,
        Integer usersEvaluated, Double precisionAtN, Double recallAtN, Double ndcgAtN, Double mapAtN,
        Double coverage, Double rmse, Double mae, Double baselineNdcgAtN, Double trainSeconds, Double scoreSeconds,
        String stepSeconds, Long rowsPublished, String gateVerdict, String gateReason, boolean published,
        String outcome, String outcomeReason, Integer exitCode, Long restoredRunId, Double diversityWeight,
        String holdoutSplit, Double distinctStyles, Double crowdedListsShare, Double rolloutShare, String online,
        Integer recommendableProducts, Long selectionId, String selectionNote, Long listedUsers) {

    public RunRecord {
        // NaN and infinities do not fit every database's FLOAT: not measured is NULL
        precisionAtN = finite(precisionAtN);
        recallAtN = finite(recallAtN);
        ndcgAtN = finite(ndcgAtN);
        mapAtN = finite(mapAtN);
        coverage = finite(coverage);
        rmse = finite(rmse);
        mae = finite(mae);
        baselineNdcgAtN = finite(baselineNdcgAtN);
        trainSeconds = finite(trainSeconds);
        scoreSeconds = finite(scoreSeconds);
        distinctStyles = finite(distinctStyles);
        crowdedListsShare = finite(crowdedListsShare);
        gateReason = clip(gateReason, 1000);
        outcomeReason = clip(outcomeReason, 2000);
        selectionNote = clip(selectionNote, 1000);
    }

    /**
     * Composes the row from what the run reached; any stage result may be null.
     *
     * @param diversity how varied the scored lists were by style
     * @param stepSeconds wall seconds per step, in step order
     */
    public static RunRecord of(RunIdentity run, RunEnd end, RatingsRead read, CheckedInput input,
                               HoldoutEvaluation evaluation, QualityGate.Verdict verdict, PublishResult publish,
                               ListDiversity diversity, Map<String, Double> stepSeconds) {
        EvaluationResult model = evaluation == null ? null : evaluation.model();
        Map<String, ?> params = model == null ? new TreeMap<>(run.spec().params()) : model.params();
        return new RunRecord(null, run.jobExecutionId(), run.runMode().word(), run.startedAt(), end.endedAt(),
                run.appVersion(), run.gitCommit(), run.spec().name(), JsonText.of(params), run.seed(),
                read == null ? null : read.fingerprint(),
                read == null ? null : read.read(),
                read == null ? null : read.rejected(),
                read == null ? null : JsonText.of(byName(read.rejectedByReason())),
                input == null ? null : (long) input.duplicates(),
                input == null ? null : input.unrecommendableRatings(),
                input == null ? null : input.ratingsUsed(),
                input == null ? null : input.users(),
                input == null ? null : input.products(),
                run.protocol().topN(),
                model == null ? null : model.usersEvaluated(),
                model == null ? null : model.precision(),
                model == null ? null : model.recall(),
                model == null ? null : model.ndcg(),
                model == null ? null : model.map(),
                model == null ? null : model.coverage(),
                model == null ? null : model.rmse(),
                model == null ? null : model.mae(),
                evaluation == null ? null : evaluation.baselineNdcg(),
                model == null ? null : model.trainSeconds(),
                model == null ? null : model.scoreSeconds(),
                stepSeconds == null ? null : JsonText.of(stepSeconds),
                // a rehearsal records the rows its rolled-back INSERT wrote: what the night would have published
                publish != null && (end.published() || end.outcome() == RunOutcome.REHEARSED)
                        ? publish.rowsPublished() : 0L,
                verdict == null ? null : verdict.decision().name(),
                verdict == null ? null : verdict.reason(),
                end.published(), end.outcome().name(), end.reason(), end.exitCode(), null,
                run.protocol().lists().diversityWeight(), run.protocol().splitKind().name().toLowerCase(Locale.ROOT),
                diversity == null ? null : diversity.meanDistinctStyles(),
                diversity == null ? null : diversity.crowdedListsShare(), null, null,
                input == null ? null : input.data().recommendableCount(), null, null,
                publish != null && end.published() ? publish.listedUsers() : null);
    }

    /**
     * The row of a republish: the restored run's algorithm, parameters, data fingerprint, counts and metrics, so
     * that the next night's gate and guards compare with what is really live, plus the republish's own times,
     * outcome and rows. No job execution, no gate: a republish does not train and is not gated.
     *
     * @param restored the run-history row of the run whose rows were put back
     */
    public static RunRecord republished(RunRecord restored, LocalDateTime startedAt, String appVersion, RunEnd end,
                                        long rowsPublished, Map<String, Double> stepSeconds) {
        RunRecord r = restored;
        // git_commit: the build that produced the restored model, like the algorithm and parameters copied with it
        return new RunRecord(null, null, RunMode.REPUBLISH.word(), startedAt, end.endedAt(), appVersion, r.gitCommit,
                r.algorithm, r.params, r.seed, r.dataFingerprint, r.ratingsRead, r.ratingsRejected, r.rejectedByReason,
                r.duplicateRatings,
                r.unrecommendableRatings, r.ratingsUsed, r.users, r.products, r.topN, r.usersEvaluated,
                r.precisionAtN, r.recallAtN, r.ndcgAtN, r.mapAtN, r.coverage, r.rmse, r.mae, r.baselineNdcgAtN,
                r.trainSeconds, r.scoreSeconds, JsonText.of(stepSeconds), end.published() ? rowsPublished : 0L,
                null, null, end.published(), end.outcome().name(), end.reason(), end.exitCode(), r.generation(),
                r.diversityWeight, r.holdoutSplit, r.distinctStyles, r.crowdedListsShare, r.rolloutShare, null,
                r.recommendableProducts, r.selectionId, r.selectionNote, r.listedUsers);
    }

    /**
     * This row with the run's rollout share and its online readout (V9), both measured beside the run's own stages.
     *
     * @param readout the readout as {@code online.OnlineJson} writes it
     */
    public RunRecord withReadout(Double share, String readout) {
        return new RunRecord(id, jobExecutionId, runMode, startedAt, endedAt, appVersion, gitCommit, algorithm, params,
                seed, dataFingerprint, ratingsRead, ratingsRejected, rejectedByReason, duplicateRatings,
                unrecommendableRatings, ratingsUsed, users, products, topN, usersEvaluated, precisionAtN, recallAtN,
                ndcgAtN, mapAtN, coverage, rmse, mae, baselineNdcgAtN, trainSeconds, scoreSeconds, stepSeconds,
                rowsPublished, gateVerdict, gateReason, published, outcome, outcomeReason, exitCode, restoredRunId,
                diversityWeight, holdoutSplit, distinctStyles, crowdedListsShare, share, readout, recommendableProducts,
                selectionId, selectionNote, listedUsers);
    }

    /** This row with the selection the run's model came from and how (V11). */
    public RunRecord withSelection(Long selection, String note) {
        return new RunRecord(id, jobExecutionId, runMode, startedAt, endedAt, appVersion, gitCommit, algorithm, params,
                seed, dataFingerprint, ratingsRead, ratingsRejected, rejectedByReason, duplicateRatings,
                unrecommendableRatings, ratingsUsed, users, products, topN, usersEvaluated, precisionAtN, recallAtN,
                ndcgAtN, mapAtN, coverage, rmse, mae, baselineNdcgAtN, trainSeconds, scoreSeconds, stepSeconds,
                rowsPublished, gateVerdict, gateReason, published, outcome, outcomeReason, exitCode, restoredRunId,
                diversityWeight, holdoutSplit, distinctStyles, crowdedListsShare, rolloutShare, online,
                recommendableProducts, selection, note, listedUsers);
    }

    /**
     * The generation this row put live, or tried to: the run whose staged rows it published (its own job execution
     * for a run, the restored run for a republish); null for a row of neither.
     */
    public Long generation() {
        return restoredRunId != null ? restoredRunId : jobExecutionId;
    }

    /** Whether this row was written by {@code mode}. */
    public boolean ranIn(RunMode mode) {
        return mode.word().equals(runMode);
    }

    /** Whether this row's run ended with {@code end}. */
    public boolean endedWith(RunOutcome end) {
        return end.name().equals(outcome);
    }

    /** How this row's run ended; empty for an outcome this build does not know (a row of a newer version). */
    public Optional<RunOutcome> knownOutcome() {
        return RunOutcome.named(outcome);
    }

    /** The configuration this run trained: its algorithm with the effective parameters it recorded. */
    public AlgorithmSpec spec() {
        Map<String, String> values = new TreeMap<>();
        JsonText.parseObject(params).forEach((key, value) -> values.put(key, String.valueOf(value)));
        return AlgorithmSpec.of(algorithm, values);
    }

    /** What this run read, for the collapsed-input guard of a later run; empty when it did not get that far. */
    public Optional<PublishGuards.PublishedInput> publishedInput() {
        if (ratingsUsed == null || users == null || generation() == null) {
            return Optional.empty();
        }
        return Optional.of(new PublishGuards.PublishedInput(generation(), ratingsUsed, users, recommendableProducts));
    }

    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> named = new TreeMap<>();
        counts.forEach((reason, count) -> named.put(reason.name(), count));
        return named;
    }

    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
