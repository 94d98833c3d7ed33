package com.beershop.reco.job;

import com.beershop.reco.config.InputProperties;
import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.ModelCheck;
import com.beershop.reco.ingest.IdPolicy;
import com.beershop.reco.ingest.LoadedInput;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.scoring.RecommendationLists;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the steps hand each other, in the order the nightly run makes them: one job-scoped bean per stage result,
 * fresh for every job execution. A reader follows a rating from the read to the published row by these types:
 * ratings collector, product catalogue, loaded input, model choice, hold-out evaluation, model check, trained model,
 * recommendation lists, publish result.
 */
@Configuration(proxyBeanMethods = false)
public class StageResultsConfiguration {

    /**
     * Filled row by row by the ratings load; the one stage working object that is not write-once. Ids are compared
     * as configured, or else as the database compares them (the ratings user column's collation).
     */
    @Bean
    @JobScope
    public RatingsCollector ratingsCollector(InputProperties input, InventoryProperties inventory, JdbcTemplate jdbc) {
        IdPolicy policy = input.configuredIdPolicy().orElseGet(() -> DatabaseVendor.of(jdbc.getDataSource()).dialect()
                .idPolicyOf(jdbc, inventory.ratings().table(), inventory.ratings().userColumn()));
        LoggerFactory.getLogger(StageResultsConfiguration.class).info("Ids compared {}{}", policy,
                input.configuredIdPolicy().isPresent() ? " (reco.input.id-policy)" : " (as the database does)");
        return new RatingsCollector(policy);
    }

    @Bean
    @JobScope
    public StageResult<ProductCatalog> productCatalog() {
        return new StageResult<>("product catalogue");
    }

    @Bean
    @JobScope
    public StageResult<LoadedInput> loadedInput() {
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
