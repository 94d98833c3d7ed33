package com.beershop.reco.job;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.PublishSession;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.schema.RunLocks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Publishing: the guards on tonight's input and lists, the staging table, and the atomic swap of the live rows. */
@Configuration(proxyBeanMethods = false)
public class PublishConfiguration {

    @Bean
    public PublishGuards publishGuards(PublishProperties publish) {
        return new PublishGuards(publish.maxInputDrop(), publish.maxCatalogueDrop(), publish.maxLiveDrop(),
                publish.maxNonFiniteShare(), publish.minModelAgreement(), publish.minCoverageRatio());
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
}
