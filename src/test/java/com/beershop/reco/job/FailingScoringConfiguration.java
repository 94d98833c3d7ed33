package com.beershop.reco.job;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerPlugin;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double, added with {@code --spring.main.sources}: algorithm {@code fails-in-scoring} evaluates like
 * most-popular, but the model trained for publishing throws half-way through scoring.
 */
@Configuration(proxyBeanMethods = false)
public class FailingScoringConfiguration {

    @Bean
    TrainerPlugin failsInScoring() {
        AtomicInteger trainings = new AtomicInteger();
        return new TrainerPlugin("fails-in-scoring", spec -> new Trainer() {
            @Override
            public String algorithm() {
                return "fails-in-scoring";
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return Map.of();
            }

            @Override
            public TrainedModel train(InteractionMatrix ratings, long seed) {
                TrainedModel real = MostPopularTrainer.fromSpec(AlgorithmSpec.of("most-popular", Map.of()))
                        .train(ratings, seed);
                if (trainings.incrementAndGet() == 1) {
                    return real; // the hold-out evaluation
                }
                int failAt = ratings.numUsers() / 2;
                return (user, scores) -> {
                    if (user == failAt) {
                        throw new IllegalStateException("injected scoring failure at user " + user);
                    }
                    real.scoreUser(user, scores);
                };
            }
        });
    }
}
