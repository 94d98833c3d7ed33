package com.beershop.reco.job;

import com.beershop.reco.config.EvaluationProperties;
import com.beershop.reco.config.InputProperties;
import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.ScoringProperties;
import com.beershop.reco.ingest.RawRating;
import com.beershop.reco.ingest.RatingValidator;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.scoring.RecommendationScorer;
import com.beershop.reco.tracking.QualityGate;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * The nightly job: load products and ratings, check the input, evaluate and gate the model, train it on all
 * ratings, score every user, stage the rows, publish them atomically. The run history row is written by
 * {@link RunHistoryListener} whatever the outcome.
 */
@Configuration(proxyBeanMethods = false)
public class RecommendationJobConfiguration {

    public static final String JOB_NAME = "beerRecommendationJob";

    @Bean
    public Job beerRecommendationJob(JobRepository jobRepository, Step loadProductsStep, Step loadRatingsStep,
                                     Step checkInputStep, Step evaluateModelStep, Step qualityGateStep,
                                     Step trainModelStep, Step scoreUsersStep, Step stageRecommendationsStep,
                                     Step publishStep, RunHistoryListener runHistoryListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(runHistoryListener)
                .start(loadProductsStep)
                .next(loadRatingsStep)
                .next(checkInputStep)
                .next(evaluateModelStep)
                .next(qualityGateStep)
                .next(trainModelStep)
                .next(scoreUsersStep)
                .next(stageRecommendationsStep)
                .next(publishStep)
                .build();
    }

    @Bean
    @JobScope
    public RunState runState() {
        return new RunState();
    }

    @Bean
    public Step loadProductsStep(JobRepository jobRepository, PlatformTransactionManager tm, JdbcTemplate jdbc,
                                 InventoryProperties inventory, RunState runState, StepMetricsListener stepMetrics) {
        return new StepBuilder("loadProductsStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new LoadProductsTasklet(jdbc, inventory.products(), runState), tm)
                .build();
    }

    @Bean
    public Step loadRatingsStep(JobRepository jobRepository, PlatformTransactionManager tm,
                                JdbcCursorItemReader<RawRating> ratingsReader, InputProperties input,
                                RunState runState, StepMetricsListener stepMetrics) {
        RatingValidator validator = new RatingValidator(input.ratingMin(), input.ratingMax(), input.maxIdLength());
        return new StepBuilder("loadRatingsStep", jobRepository)
                .listener(stepMetrics)
                .<RawRating, RawRating>chunk(input.chunkSize())
                .transactionManager(tm)
                .reader(ratingsReader)
                .processor(new RatingsItemProcessor(validator, runState))
                .writer(new RatingsItemWriter(runState))
                .build();
    }

    /** Streams the ratings table; autocommit off so PostgreSQL uses a server-side cursor instead of buffering all rows. */
    @Bean
    @StepScope
    public JdbcCursorItemReader<RawRating> ratingsReader(DataSource dataSource, InventoryProperties inventory,
                                                         InputProperties input) {
        InventoryProperties.RatingsTable t = inventory.ratings();
        String sql = "SELECT " + t.userColumn() + ", " + t.productColumn() + ", " + t.ratingColumn() + ", "
                + t.ratedAtColumn() + " FROM " + t.table();
        return new JdbcCursorItemReaderBuilder<RawRating>()
                .name("ratingsReader")
                .dataSource(dataSource)
                .sql(sql)
                .fetchSize(input.chunkSize())
                .connectionAutoCommit(false)
                .verifyCursorPosition(false)
                .saveState(false)
                .rowMapper((rs, i) -> {
                    Timestamp ratedAt = rs.getTimestamp(4);
                    return new RawRating(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                            ratedAt == null ? null : ratedAt.toLocalDateTime());
                })
                .build();
    }

    @Bean
    public Step checkInputStep(JobRepository jobRepository, PlatformTransactionManager tm, InputProperties input,
                               RunState runState, StepMetricsListener stepMetrics) {
        return new StepBuilder("checkInputStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new CheckInputTasklet(input, runState), tm)
                .build();
    }

    @Bean
    public Step evaluateModelStep(JobRepository jobRepository, PlatformTransactionManager tm, TrainerCatalog trainers,
                                  ModelProperties model, EvaluationProperties evaluation, ScoringProperties scoring,
                                  RunState runState, StepMetricsListener stepMetrics) {
        return new StepBuilder("evaluateModelStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new EvaluateModelTasklet(trainers, model.spec(), evaluation.holdoutFraction(), model.seed(),
                        scoring.topN(), runState), tm)
                .build();
    }

    @Bean
    public Step qualityGateStep(JobRepository jobRepository, PlatformTransactionManager tm, QualityGate gate,
                                RunHistoryRepository history, RunState runState, StepMetricsListener stepMetrics) {
        return new StepBuilder("qualityGateStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new QualityGateTasklet(gate, history, runState), tm)
                .build();
    }

    @Bean
    public Step trainModelStep(JobRepository jobRepository, PlatformTransactionManager tm, TrainerCatalog trainers,
                               ModelProperties model, EvaluationProperties evaluation, RunState runState,
                               StepMetricsListener stepMetrics) {
        return new StepBuilder("trainModelStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new TrainModelTasklet(trainers, model.spec(), model.seed(), model.retrainOnAll(),
                        evaluation.holdoutFraction(), runState), tm)
                .build();
    }

    @Bean
    public Step scoreUsersStep(JobRepository jobRepository, PlatformTransactionManager tm, ScoringProperties scoring,
                               RunState runState, StepMetricsListener stepMetrics) {
        RecommendationScorer scorer = new RecommendationScorer(scoring.topN(), scoring.minUserRatings(),
                scoring.effectiveThreads());
        return new StepBuilder("scoreUsersStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new ScoreUsersTasklet(scorer, runState), tm)
                .build();
    }

    @Bean
    public Step stageRecommendationsStep(JobRepository jobRepository, PlatformTransactionManager tm,
                                         Tasklet stageRecommendationsTasklet, StepMetricsListener stepMetrics) {
        return new StepBuilder("stageRecommendationsStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(stageRecommendationsTasklet, tm)
                .build();
    }

    /** Step-scoped: it keeps its position between the calls that each stage one batch. */
    @Bean
    @StepScope
    public Tasklet stageRecommendationsTasklet(StagingRepository staging, PublishProperties publish,
                                                            RunState runState) {
        return new StageRecommendationsTasklet(staging, publish.batchSize(), runState);
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager tm,
                            RecommendationPublisher publisher, StagingRepository staging, RunState runState,
                            StepMetricsListener stepMetrics) {
        return new StepBuilder("publishStep", jobRepository)
                .listener(stepMetrics)
                .tasklet(new PublishTasklet(publisher, staging, runState), tm)
                .build();
    }
}
