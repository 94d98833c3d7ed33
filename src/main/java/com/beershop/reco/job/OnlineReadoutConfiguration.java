package com.beershop.reco.job;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.online.ArmFigures;
import com.beershop.reco.online.OnlineReadout;
import com.beershop.reco.rollout.RolloutArms;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The online readout of the kept generations, measured as each run starts and recorded in its run-history row. */
@Configuration(proxyBeanMethods = false)
public class OnlineReadoutConfiguration {

    @Bean
    public OnlineReadout onlineReadout(JdbcTemplate jdbc, PublishProperties publish, InventoryProperties inventory) {
        InventoryProperties.RatingsTable ratings = inventory.ratings();
        return new OnlineReadout(jdbc, publish.keepGenerations(), ratings.table(), ratings.userColumn(),
                ratings.productColumn(), ratings.ratedAtColumn());
    }

    @Bean
    @JobScope
    public StageResult<List<ArmFigures>> onlineFigures() {
        return new StageResult<>("online readout");
    }

    @Bean
    RunReadout runReadout(OnlineReadout onlineReadout, RolloutArms rolloutArms,
                          StageResult<List<ArmFigures>> onlineFigures) {
        return new RunReadout(onlineReadout, rolloutArms, onlineFigures);
    }
}
