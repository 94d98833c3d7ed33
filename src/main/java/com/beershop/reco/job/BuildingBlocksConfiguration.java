package com.beershop.reco.job;

import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.config.EvaluationProperties;
import com.beershop.reco.config.InputProperties;
import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.QualityGateProperties;
import com.beershop.reco.config.SchemaProperties;
import com.beershop.reco.config.ScoringProperties;
import com.beershop.reco.config.SelectionProperties;
import com.beershop.reco.evaluation.AlgorithmComparison;
import com.beershop.reco.evaluation.BaselineComparison;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.evaluation.SeedSpread;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.ingest.InputCheck;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.TrainerPlugin;
import com.beershop.reco.model.Workers;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishSession;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.scoring.RecommendationScorer;
import com.beershop.reco.tracking.ModelSelectionRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunReport;
import com.beershop.reco.tracking.RunSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/** The plain (Spring-free) building blocks of the feature packages, wired once from the typed configuration. */
@Configuration(proxyBeanMethods = false)
public class BuildingBlocksConfiguration {

    /** The run's worker threads: training, evaluation and scoring share them. Closed with the context. */
    @Bean
    public Workers workers(ScoringProperties scoring) {
        return Workers.of(scoring.threads());
    }

    @Bean
    public TrainerCatalog trainerCatalog(ObjectProvider<TrainerPlugin> plugins, Workers workers) {
        TrainerCatalog catalog = TrainerCatalog.standard(workers);
        for (TrainerPlugin plugin : plugins.orderedStream().toList()) {
            catalog = catalog.with(plugin.name(), plugin.factory());
        }
        return catalog;
    }

    @Bean
    public SchemaManager schemaManager(DataSource dataSource, SchemaProperties schema) {
        return new SchemaManager(dataSource, schema);
    }

    @Bean
    public InputCheck inputCheck(InputProperties input) {
        return new InputCheck(input.maxRejectedShare(), input.minRatings());
    }

    @Bean
    public HoldoutProtocol holdoutProtocol(EvaluationProperties evaluation, ModelProperties model,
                                           ScoringProperties scoring) {
        return new HoldoutProtocol(evaluation.split(), evaluation.holdoutFraction(), model.seed(), scoring.lists(),
                scoring.minUserRatings(), evaluation.maxUsers());
    }

    @Bean
    public BaselineComparison baselineComparison(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new BaselineComparison(trainers, holdoutProtocol);
    }

    @Bean
    public AlgorithmComparison algorithmComparison(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new AlgorithmComparison(trainers, holdoutProtocol);
    }

    /** Built even when reco.selection.enabled=false, so a typo in the search space fails at start either way. */
    @Bean
    public ModelSelector modelSelector(TrainerCatalog trainers, SelectionProperties selection, ModelProperties model,
                                       ScoringProperties scoring) {
        return new ModelSelector(trainers, selection.searchSpace(),
                new ModelSelector.Settings(selection.validationFraction(), selection.maxRatings(),
                        selection.budget().toMillis() / 1000.0, selection.fullBudgetRatings(), scoring.lists(),
                        scoring.minUserRatings(), model.seed(), selection.minGain()));
    }

    @Bean
    public ModelSelectionRepository modelSelectionRepository(JdbcTemplate jdbc) {
        return new ModelSelectionRepository(jdbc);
    }

    @Bean
    public SeedSpread seedSpread(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new SeedSpread(trainers, holdoutProtocol);
    }

    @Bean
    public QualityGate qualityGate(QualityGateProperties gate) {
        return new QualityGate(gate.enabled(), gate.minNdcg(), gate.mustBeatPopularity(), gate.maxRelativeDrop());
    }

    @Bean
    GateOverride gateOverride(QualityGateProperties gate, RunHistoryRepository history) {
        return new GateOverride(gate.override(), history);
    }

    @Bean
    public PublishGuards publishGuards(PublishProperties publish) {
        return new PublishGuards(publish.maxInputDrop(), publish.maxCatalogueDrop(), publish.maxLiveDrop(),
                publish.maxNonFiniteShare(), publish.minModelAgreement(), publish.minCoverageRatio());
    }

    @Bean
    public RecommendationScorer recommendationScorer(ScoringProperties scoring, Workers workers) {
        return new RecommendationScorer(scoring.lists(), scoring.minUserRatings(), workers);
    }

    @Bean
    public DatabaseFitness databaseFitness(DataSource dataSource, SchemaManager schema, InventoryProperties inventory,
                                           InputProperties input, PublishProperties publish, JobProperties job) {
        return new DatabaseFitness(dataSource, schema,
                new DatabaseFitness.Expectations(inventory, input.maxIdLength(), input.minRatings(),
                        input.configuredIdPolicy(), publish.allowBlockingReaders(), job.queryTimeout()));
    }

    @Bean
    public StagingRepository stagingRepository(JdbcTemplate jdbc, JobProperties job) {
        return new StagingRepository(jdbc, job.queryTimeout());
    }

    @Bean
    public RecommendationPublisher recommendationPublisher(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                           InventoryProperties inventory, PublishProperties publish,
                                                           RunLocks runLocks) {
        return new RecommendationPublisher(jdbc, transactions, inventory.recommendations(),
                new PublishSession(jdbc, publish.lockTimeout(), publish.allowBlockingReaders()), runLocks::verifyHeld);
    }

    @Bean
    public RunLocks runLocks(DataSource dataSource) {
        return new RunLocks(dataSource);
    }

    @Bean
    public RunHistoryRepository runHistoryRepository(JdbcTemplate jdbc) {
        return new RunHistoryRepository(jdbc);
    }

    @Bean
    public RunReport runReport(RunHistoryRepository history) {
        return new RunReport(history);
    }

    @Bean
    public RunSummary runSummary(JobProperties job, DataSource dataSource) {
        // unset: the example user only where the data is the bundled sample (embedded in-memory database)
        return new RunSummary(job.logExampleUser() != null ? job.logExampleUser() : DatabaseVendor.isInMemory(dataSource));
    }
}
