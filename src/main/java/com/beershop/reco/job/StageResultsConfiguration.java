package com.beershop.reco.job;

import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.ModelCheck;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.scoring.RecommendationLists;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the steps hand each other, in the order the nightly run makes them: one job-scoped bean per stage result,
 * fresh for every job execution. A reader follows a rating from the read to the published row by these types:
 * product catalogue, ratings collector, checked input, model choice, hold-out evaluation, model check, trained model,
 * recommendation lists, publish result.
 */
@Configuration(proxyBeanMethods = false)
public class StageResultsConfiguration {

    /** Made and filled by the ratings load; the one stage result whose content grows while its step runs. */
    @Bean
    @JobScope
    public StageResult<RatingsCollector> ratingsCollector() {
        return new StageResult<>("ratings collector");
    }

    @Bean
    @JobScope
    public StageResult<ProductCatalog> productCatalog() {
        return new StageResult<>("product catalogue");
    }

    @Bean
    @JobScope
    public StageResult<CheckedInput> checkedInput() {
        return new StageResult<>("checked input");
    }

    @Bean
    @JobScope
    public StageResult<ModelChoice> modelChoice() {
        return new StageResult<>("model choice");
    }

    @Bean
    @JobScope
    public StageResult<HoldoutEvaluation> holdoutEvaluation() {
        return new StageResult<>("hold-out evaluation");
    }

    @Bean
    @JobScope
    public StageResult<ModelCheck> modelCheck() {
        return new StageResult<>("model check");
    }

    @Bean
    @JobScope
    public StageResult<TrainedModel> trainedModel() {
        return new StageResult<>("trained model");
    }

    @Bean
    @JobScope
    public StageResult<RecommendationLists> recommendationLists() {
        return new StageResult<>("recommendation lists");
    }

    @Bean
    @JobScope
    public StageResult<PublishResult> publishResult() {
        return new StageResult<>("publish result");
    }
}
