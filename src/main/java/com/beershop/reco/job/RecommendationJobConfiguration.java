package com.beershop.reco.job;

import com.beershop.reco.config.InputProperties;
import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.SelectionProperties;
import com.beershop.reco.evaluation.BaselineComparison;
import com.beershop.reco.evaluation.HoldoutEvaluation;
import com.beershop.reco.evaluation.ModelCheck;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.generation.Generations;
import com.beershop.reco.generation.HistoryRetention;
import com.beershop.reco.ingest.InputCheck;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.ParallelRatingsLoader;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingValidator;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.RatingsQuery;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishResult;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.rollout.ControlArmStager;
import com.beershop.reco.rollout.LiveModelArm;
import com.beershop.reco.rollout.RolloutArms;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.scoring.RecommendationScorer;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.RunSummary;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The nightly job: load products and ratings, check the input, choose the model (selection), evaluate and gate it,
 * train it on all ratings, score every user, stage the rows, publish them atomically. Each step reads the stage
 * results it needs and writes its own (see {@link StageResultsConfiguration}); {@link RunHistoryListener} turns them
 * into the run history row whatever the outcome. Every tasklet step is built by {@link TaskletSteps}, under its
 * bean's name.
 */
@Configuration(proxyBeanMethods = false)
public class RecommendationJobConfiguration {

    public static final String JOB_NAME = "beerRecommendationJob";

    @Bean
    public Job beerRecommendationJob(JobRepository jobRepository, Step loadProductsStep, Step loadRatingsStep,
                                     Step checkInputStep, Step selectModelStep, Step evaluateModelStep,
                                     Step qualityGateStep, Step trainModelStep, Step scoreUsersStep, Step guardPublishStep,
                                     Step stageRecommendationsStep, Step publishStep,
                                     RunHistoryListener runHistoryListener,
                                     GracefulStop gracefulStop, RunLocks runLocks) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(new ExecutionClaimListener(runLocks))
                .listener(runHistoryListener)
                .listener(gracefulStop)
                .start(loadProductsStep)
                .next(loadRatingsStep)
                .next(checkInputStep)
                .next(selectModelStep)
                .next(evaluateModelStep)
                .next(qualityGateStep)
                .next(trainModelStep)
                .next(scoreUsersStep)
                .next(guardPublishStep)
                .next(stageRecommendationsStep)
                .next(publishStep)
                .build();
    }

    @Bean
    public RunHistoryListener runHistoryListener(RunHistoryRepository history, ModelProperties model,
                                                 HoldoutProtocol holdoutProtocol, AppVersion appVersion, RunSummary summary,
                                                 StageResult<RatingsCollector> ratingsCollector,
                                                 StageResult<CheckedInput> checkedInput,
                                                 StageResult<HoldoutEvaluation> holdoutEvaluation,
                                                 StageResult<ModelCheck> modelCheck,
                                                 StageResult<RecommendationLists> recommendationLists,
                                                 StageResult<PublishResult> publishResult,
                                                 StageResult<ModelChoice> modelChoice, RunReadout runReadout) {
        return new RunHistoryListener(history, model, holdoutProtocol, appVersion, summary, ratingsCollector,
                checkedInput, holdoutEvaluation, modelCheck, recommendationLists, publishResult, modelChoice,
                runReadout);
    }

    @Bean
    public Step loadProductsStep(TaskletSteps steps, JdbcTemplate jdbc, InventoryProperties inventory,
                                 StageResult<ProductCatalog> productCatalog) {
        return steps.step("loadProductsStep", new LoadProductsTasklet(jdbc, inventory.products(), productCatalog));
    }

    /** Reads the ratings over several connections at once ({@code reco.input.readers}); see {@link RatingsReaders}. */
    @Bean
    public Step loadRatingsStep(TaskletSteps steps, DataSource dataSource, InventoryProperties inventory,
                                InputProperties input, RunLocks runLocks,
                                StageResult<RatingsCollector> ratingsCollector) {
        RatingsQuery ratings = inventory.ratings().query();
        ParallelRatingsLoader loader = new ParallelRatingsLoader(dataSource, ratings,
                new RatingValidator(input.ratingMin(), input.ratingMax(), input.maxIdLength()), input.chunkSize(),
                input.bulkRead());
        RatingsReaders readers = new RatingsReaders(dataSource, ratings, input.readers(), input.configuredIdPolicy(),
                runLocks);
        return steps.step("loadRatingsStep", new LoadRatingsTasklet(loader, readers, ratingsCollector));
    }

    @Bean
    public Step checkInputStep(TaskletSteps steps, InputProperties input, PublishGuards guards,
                               RunHistoryRepository history, GateOverride gateOverride,
                               StageResult<RatingsCollector> ratingsCollector,
                               StageResult<ProductCatalog> productCatalog, StageResult<CheckedInput> checkedInput) {
        InputCheck inputCheck = new InputCheck(input.maxRejectedShare(), input.minRatings());
        return steps.step("checkInputStep", new CheckInputTasklet(inputCheck, guards, history, gateOverride,
                ratingsCollector, productCatalog, checkedInput));
    }

    @Bean
    public Step selectModelStep(TaskletSteps steps, ModelSelector modelSelector, SelectionProperties selection,
                                ModelProperties model, HoldoutProtocol holdoutProtocol,
                                SelectModelTasklet.Records selectionRecords,
                                StageResult<CheckedInput> checkedInput, StageResult<ModelChoice> modelChoice) {
        return steps.step("selectModelStep", new SelectModelTasklet(selection.enabled() ? modelSelector : null,
                RunMode.RUN, SelectModelTasklet.Policy.SCHEDULED, model.spec(), holdoutProtocol, selectionRecords,
                checkedInput, modelChoice));
    }

    @Bean
    public Step evaluateModelStep(TaskletSteps steps, BaselineComparison baselineComparison,
                                  StageResult<ModelChoice> modelChoice, RunHistoryRepository history,
                                  StageResult<CheckedInput> checkedInput,
                                  StageResult<HoldoutEvaluation> holdoutEvaluation, RunReadout runReadout) {
        // the readout's database scans run beside the training, which needs no database, not beside the staging
        return steps.step("evaluateModelStep", new EvaluateModelTasklet(baselineComparison, modelChoice, history,
                checkedInput, holdoutEvaluation), runReadout.startsBeforeStep());
    }

    @Bean
    public Step qualityGateStep(TaskletSteps steps, QualityGate gate, RunHistoryRepository history,
                                GateOverride gateOverride, StageResult<CheckedInput> checkedInput,
                                StageResult<HoldoutEvaluation> holdoutEvaluation, StageResult<ModelCheck> modelCheck,
                                RolloutArms rolloutArms) {
        return steps.step("qualityGateStep", new QualityGateTasklet(gate, history, gateOverride, checkedInput,
                holdoutEvaluation, modelCheck, rolloutArms));
    }

    @Bean
    public Step trainModelStep(TaskletSteps steps, TrainerCatalog trainers, ModelProperties model,
                               HoldoutProtocol holdoutProtocol, StageResult<CheckedInput> checkedInput,
                               StageResult<ModelChoice> modelChoice, StageResult<HoldoutEvaluation> holdoutEvaluation,
                               StageResult<TrainedModel> trainedModel) {
        return steps.step("trainModelStep", new TrainModelTasklet(trainers, modelChoice, model.seed(),
                model.retrainOnAll(), holdoutProtocol, checkedInput, holdoutEvaluation, trainedModel));
    }

    @Bean
    public Step scoreUsersStep(TaskletSteps steps, RecommendationScorer scorer, ModelProperties model,
                               StageResult<CheckedInput> checkedInput, StageResult<TrainedModel> trainedModel,
                               StageResult<HoldoutEvaluation> holdoutEvaluation,
                               StageResult<RecommendationLists> recommendationLists) {
        return steps.step("scoreUsersStep", new ScoreUsersTasklet(scorer, checkedInput, trainedModel,
                recommendationLists, holdoutEvaluation, model.seed()));
    }

    @Bean
    public Step guardPublishStep(TaskletSteps steps, PublishGuards guards, LiveModelArm liveModelArm,
                                 RolloutArms rolloutArms, GateOverride gateOverride,
                                 StageResult<CheckedInput> checkedInput,
                                 StageResult<RecommendationLists> recommendationLists, StageResult<ArmSplit> armSplit) {
        return steps.step("guardPublishStep", new GuardPublishTasklet(guards, liveModelArm, rolloutArms, gateOverride,
                checkedInput, recommendationLists, armSplit));
    }

    /** The lists written to the staging table as rows, one commit per {@code reco.publish.batch-size} rows. */
    @Bean
    public Step stageRecommendationsStep(TaskletSteps steps, StageRecommendationsTasklet stageRecommendationsTasklet) {
        return steps.step("stageRecommendationsStep", stageRecommendationsTasklet);
    }

    @Bean
    @StepScope
    public StageRecommendationsTasklet stageRecommendationsTasklet(StagingRepository staging, Generations generations,
                                                                   ControlArmStager controlArmStager,
                                                                   RolloutArms rolloutArms, PublishProperties publish,
                                                                   @Value("#{stepExecution.jobExecutionId}") Long runId,
                                                                   StageResult<CheckedInput> checkedInput,
                                                                   StageResult<RecommendationLists> recommendationLists,
                                                                   StageResult<ArmSplit> armSplit,
                                                                   StageResult<Long> stagedRows, RunLocks runLocks) {
        return new StageRecommendationsTasklet(staging, generations, controlArmStager, rolloutArms, stagedRows,
                () -> new RecommendationRows(checkedInput.get().data(), recommendationLists.get(), armSplit.get()),
                runId, armSplit.get().modelRows(), publish.batchSize(), runLocks::verifyHeld);
    }

    @Bean
    public Step publishStep(TaskletSteps steps, RecommendationPublisher publisher, Generations generations,
                            HistoryRetention retention, RunHistoryRepository history,
                            StageResult<RecommendationLists> recommendationLists,
                            StageResult<PublishResult> publishResult, StageResult<Long> stagedRows,
                            StageResult<CheckedInput> checkedInput, StageResult<ArmSplit> armSplit,
                            RunReadout runReadout) {
        // the readout reads the kept generations, and this step prunes the oldest: it waits for the readout first
        return steps.step("publishStep", new PublishTasklet(publisher, generations, retention, history,
                recommendationLists, publishResult, stagedRows,
                () -> ModelArmLists.of(checkedInput, recommendationLists, armSplit, stagedRows)),
                runReadout.finishesBeforeStep());
    }
}
