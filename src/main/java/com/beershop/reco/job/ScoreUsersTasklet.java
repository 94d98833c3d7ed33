package com.beershop.reco.job;

import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.scoring.RecommendationScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes every known user's top N with the published model (read = users, write = rows). */
class ScoreUsersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreUsersTasklet.class);

    private final RecommendationScorer scorer;
    private final RunState state;

    ScoreUsersTasklet(RecommendationScorer scorer, RunState state) {
        this.scorer = scorer;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        TrainingData data = state.data();
        RecommendationLists lists = scorer.scoreAll(state.model(), data.ratings(), data.recommendable());
        state.recommendations(lists);
        // read = users scored; StepContribution only counts reads one at a time, so set the total directly
        contribution.getStepExecution().setReadCount(lists.numUsers());
        contribution.incrementWriteCount(lists.totalRows());
        log.info("Recommendations: {} rows for {} users ({} with too few ratings got most-popular)",
                lists.totalRows(), lists.numUsers(), lists.fallbackUsers());
        return RepeatStatus.FINISHED;
    }
}
