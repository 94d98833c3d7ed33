package com.beershop.reco.config;

import com.beershop.reco.model.AlgorithmSpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The algorithm the nightly run trains and publishes.
 *
 * @param algorithm name, e.g. {@code ials}, {@code ease}, {@code most-popular}, {@code librec-wrmf}
 * @param params hyperparameters by our own names (factors, iterations, reg, alpha, ...)
 * @param seed seed of every random choice (hold-out split, initialisation, sampling)
 * @param retrainOnAll train the published model on all ratings after evaluation (the hold-out model never goes live)
 */
@ConfigurationProperties("reco.model")
public record ModelProperties(
        @DefaultValue("ials") String algorithm,
        Map<String, String> params,
        @DefaultValue("42") long seed,
        @DefaultValue("true") boolean retrainOnAll) {

    public ModelProperties {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public AlgorithmSpec spec() {
        return AlgorithmSpec.of(algorithm, params);
    }
}
