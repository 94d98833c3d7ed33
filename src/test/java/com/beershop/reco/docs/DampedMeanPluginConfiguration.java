package com.beershop.reco.docs;

import com.beershop.reco.model.TrainerPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers {@link DampedMeanTrainer} to the trainer catalogue under its name (docs/quality.md). */
@Configuration(proxyBeanMethods = false)
public class DampedMeanPluginConfiguration {

    @Bean
    TrainerPlugin dampedMeanPlugin() {
        return new TrainerPlugin(DampedMeanTrainer.NAME, DampedMeanTrainer::fromSpec);
    }
}
