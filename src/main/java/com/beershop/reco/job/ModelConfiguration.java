package com.beershop.reco.job;

import com.beershop.reco.config.ScoringProperties;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.TrainerPlugin;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.RecommendationScorer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Training and scoring: the trainers (with any plugged-in ones), the scorer, and the worker threads they share. */
@Configuration(proxyBeanMethods = false)
public class ModelConfiguration {

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
    public RecommendationScorer recommendationScorer(ScoringProperties scoring, Workers workers) {
        return new RecommendationScorer(scoring.lists(), scoring.minUserRatings(), workers);
    }
}
