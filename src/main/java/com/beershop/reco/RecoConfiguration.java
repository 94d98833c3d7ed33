package com.beershop.reco;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.QualityGateProperties;
import com.beershop.reco.config.SchemaProperties;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.TrainerPlugin;
import org.springframework.beans.factory.ObjectProvider;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.tracking.QualityGate;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** The plain (Spring-free) building blocks, wired once. */
@Configuration(proxyBeanMethods = false)
public class RecoConfiguration {

    @Bean
    public TrainerCatalog trainerCatalog(ObjectProvider<TrainerPlugin> plugins) {
        TrainerCatalog catalog = TrainerCatalog.standard();
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
    public StagingRepository stagingRepository(JdbcTemplate jdbc) {
        return new StagingRepository(jdbc);
    }

    @Bean
    public RecommendationPublisher recommendationPublisher(JdbcTemplate jdbc, TransactionTemplate transaction,
                                                           InventoryProperties inventory) {
        return new RecommendationPublisher(jdbc, transaction, inventory.recommendations());
    }

    @Bean
    public RunHistoryRepository runHistoryRepository(JdbcTemplate jdbc) {
        return new RunHistoryRepository(jdbc);
    }

    @Bean
    public QualityGate qualityGate(QualityGateProperties gate) {
        return new QualityGate(gate.enabled(), gate.minNdcg(), gate.mustBeatPopularity(), gate.maxRelativeDrop(),
                gate.dataChangeThreshold(), gate.forcePublish());
    }
}
