package com.beershop.reco.job;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.publish.RecommendationPublisher;
import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.rollout.ArmSplit;
import com.beershop.reco.rollout.ControlArmStager;
import com.beershop.reco.rollout.GenerationZero;
import com.beershop.reco.rollout.LiveModelArm;
import com.beershop.reco.rollout.RolloutArms;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** The gradual rollout: the arms, generation 0, the control arm's rows, and the model arm's share of the live table. */
@Configuration(proxyBeanMethods = false)
public class RolloutConfiguration {

    @Bean
    public RolloutArms rolloutArms(PublishProperties publish) {
        return new RolloutArms(publish.rolloutShare(), publish.rolloutSalt());
    }

    @Bean
    public GenerationZero generationZero(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                         InventoryProperties inventory) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new GenerationZero(jdbc, own, inventory.recommendations());
    }

    @Bean
    public ControlArmStager controlArmStager(DataSource dataSource, StagingRepository staging,
                                             GenerationZero generationZero, InventoryProperties inventory,
                                             PublishProperties publish) {
        return new ControlArmStager(dataSource, staging, generationZero, inventory.recommendations(),
                publish.batchSize());
    }

    @Bean
    public LiveModelArm liveModelArm(JdbcTemplate jdbc, RecommendationPublisher publisher,
                                     InventoryProperties inventory) {
        return new LiveModelArm(jdbc, publisher, inventory.recommendations());
    }

    /** Tonight's users split into the arms: made by the guards, read by the staging. */
    @Bean
    @JobScope
    public StageResult<ArmSplit> armSplit() {
        return new StageResult<>("arm split");
    }

    /** Rows staged under the run, both arms: what the publish must copy into the live table. */
    @Bean
    @JobScope
    public StageResult<Long> stagedRows() {
        return new StageResult<>("staged rows");
    }
}
