package com.beershop.reco.job;

import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.TrackingProperties;
import com.beershop.reco.generation.GenerationReport;
import com.beershop.reco.generation.Generations;
import com.beershop.reco.generation.HistoryRetention;
import com.beershop.reco.generation.Republisher;
import com.beershop.reco.publish.PublishGuards;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The kept generations of published runs, the retention of older records, the {@code republish} mode, and the
 * report's generations table.
 */
@Configuration(proxyBeanMethods = false)
public class GenerationsConfiguration {

    @Bean
    public Generations generations(RunHistoryRepository history, StagingRepository staging,
                                   PlatformTransactionManager transactionManager, PublishProperties publish) {
        return new Generations(history, staging, ownTransaction(transactionManager), publish.keepGenerations());
    }

    @Bean
    public HistoryRetention historyRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                             TrackingProperties tracking) {
        return new HistoryRetention(jdbc, ownTransaction(transactionManager), tracking.retentionDays(),
                Clock.systemDefaultZone());
    }

    /** A new transaction of its own, so housekeeping never rides on, or rolls back, the publish. */
    private static TransactionTemplate ownTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return ownTransaction;
    }

    @Bean
    public Republisher republisher(Generations generations, RunHistoryRepository history, StagingRepository staging,
                                   RecommendationPublisher publisher, PublishGuards publishGuards,
                                   GateOverride gateOverride, AppVersion appVersion) {
        return new Republisher(generations, history, staging, publisher, publishGuards,
                fingerprint -> gateOverride.appliesTo(fingerprint).isPresent(), appVersion.value());
    }

    @Bean
    public GenerationReport generationReport(Generations generations) {
        return new GenerationReport(generations);
    }
}
