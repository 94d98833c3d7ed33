package com.beershop.reco.job;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerPlugin;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test double, added with {@code --spring.main.sources}: algorithm {@code diverges} ranks like most-popular, but
 * gives NaN scores to every user whose index is a multiple of {@code every} (parameter; 2 = half the users), and,
 * when {@code infinite=true}, +Infinity for item 0 of the users just after them: what a model that diverged produces
 * ({@code every=0}: no user). With {@code collapses=true} it diverges only when trained again on all ratings from the
 * hold-out's model (the final training): every user then gets the same finite scores, the highest for the items
 * with the highest index, so everyone gets the same few unpopular items.
 */
@Configuration(proxyBeanMethods = false)
public class DivergingModelConfiguration {

    @Bean
    TrainerPlugin diverges() {
        return new TrainerPlugin("diverges", spec -> {
            spec.requireOnly(java.util.Set.of("every", "infinite", "collapses"));
            int every = Integer.parseInt(spec.params().getOrDefault("every", "2"));
            boolean infinite = Boolean.parseBoolean(spec.params().getOrDefault("infinite", "false"));
            boolean collapses = Boolean.parseBoolean(spec.params().getOrDefault("collapses", "false"));
            return new Trainer() {
                @Override
                public String algorithm() {
                    return "diverges";
                }

                @Override
                public Map<String, Object> effectiveParams() {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("every", every);
                    params.put("infinite", infinite);
                    params.put("collapses", collapses);
                    return params;
                }

                @Override
                public TrainedModel train(InteractionMatrix ratings, long seed) {
                    TrainedModel popular = new MostPopularTrainer().train(ratings, seed);
                    return (user, scores) -> {
                        popular.scoreUser(user, scores);
                        if (every > 0 && user % every == 0) {
                            Arrays.fill(scores, Float.NaN);
                        } else if (every > 0 && infinite && user % every == 1) {
                            scores[0] = Float.POSITIVE_INFINITY;
                        }
                    };
                }

                @Override
                public TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
                    if (!collapses) {
                        return train(ratings, seed);
                    }
                    return (user, scores) -> {
                        for (int item = 0; item < scores.length; item++) {
                            scores[item] = item;
                        }
                    };
                }
            };
        });
    }
}
