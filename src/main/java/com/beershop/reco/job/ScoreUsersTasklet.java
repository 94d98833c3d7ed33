package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.scoring.ListDiversity;
import com.beershop.reco.scoring.ModelAgreement;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.scoring.RecommendationScorer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes every known user's top N with the published model (read = users, write = rows). */
class ScoreUsersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreUsersTasklet.class);

    private final RecommendationScorer scorer;
    private final StageResult<CheckedInput> input;
    private final StageResult<TrainedModel> model;
    private final StageResult<RecommendationLists> lists;
    private final StageResult<HoldoutEvaluation> evaluation;
    private final long seed;

    ScoreUsersTasklet(RecommendationScorer scorer, StageResult<CheckedInput> input, StageResult<TrainedModel> model,
                      StageResult<RecommendationLists> lists, StageResult<HoldoutEvaluation> evaluation, long seed) {
        this.scorer = scorer;
        this.input = input;
        this.model = model;
        this.lists = lists;
        this.evaluation = evaluation;
        this.seed = seed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        TrainingData data = input.get().data();
        RecommendationLists scored = scorer.scoreAll(model.get(), data);
        HoldoutEvaluation judged = evaluation.orNull();
        if (judged != null && judged.splitModel() != null) {
            // the gate judged the hold-out's model; this one goes live: compare them on the same users
            ModelAgreement agreement = scorer.measureAgreement(scored, model.get(), judged.splitModel(), data, seed);
            log.info("Published against judged model on {} users: mean top-N overlap {}, {} items listed against {} "
                    + "({}), finite scores for {} against {}", agreement.sampledUsers(),
                    String.format(Locale.ROOT, "%.3f", agreement.meanJaccard()), agreement.publishedItems(),
                    agreement.judgedItems(), String.format(Locale.ROOT, "%.0f%%", 100 * agreement.coverageRatio()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * agreement.publishedFiniteShare()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * agreement.judgedFiniteShare()));
        }
        lists.set(scored);
        // read = users scored; StepContribution only counts reads one at a time, so set the total directly
        contribution.getStepExecution().setReadCount(scored.numUsers());
        contribution.incrementWriteCount(scored.totalRows());
        log.info("Recommendations: {} rows for {} users ({} with too few ratings and {} with no finite score got "
                + "most-popular)", scored.totalRows(), scored.numUsers(), scored.fallbackUsers(),
                scored.nonFiniteFallbackUsers());
        ListDiversity diversity = scored.diversity();
        log.info("Styles: {} distinct per list on average; {} of lists have one style in more than half their places",
                String.format(Locale.ROOT, "%.2f", diversity.meanDistinctStyles()),
                String.format(Locale.ROOT, "%.1f%%", 100 * diversity.crowdedListsShare()));
        return RepeatStatus.FINISHED;
    }
}
