package com.beershop.reco.model;

import com.beershop.reco.model.ease.EaseTrainer;
import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import com.beershop.reco.model.librec.LibrecTrainer;
import com.beershop.reco.model.popularity.MostPopularTrainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Every algorithm the job can train, by configured name. */
public final class TrainerCatalog {

    private final Map<String, Function<AlgorithmSpec, Trainer>> factories;

    private TrainerCatalog(Map<String, Function<AlgorithmSpec, Trainer>> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    public static TrainerCatalog standard() {
        Map<String, Function<AlgorithmSpec, Trainer>> factories = new LinkedHashMap<>();
        factories.put(MostPopularTrainer.NAME, MostPopularTrainer::fromSpec);
        factories.put("ials", ImplicitAlsTrainer::fromSpec);
        factories.put("ease", EaseTrainer::fromSpec);
        for (String name : LibrecTrainer.algorithmNames()) {
            factories.put(name, LibrecTrainer::fromSpec);
        }
        return new TrainerCatalog(factories);
    }

    /** A catalogue with one more algorithm (for an extension, or a test double). */
    public TrainerCatalog with(String name, Function<AlgorithmSpec, Trainer> factory) {
        Map<String, Function<AlgorithmSpec, Trainer>> more = new LinkedHashMap<>(factories);
        more.put(name, factory);
        return new TrainerCatalog(more);
    }

    /** @throws InvalidAlgorithmSpecException for an unknown name or parameter */
    public Trainer create(AlgorithmSpec spec) {
        Function<AlgorithmSpec, Trainer> factory = factories.get(spec.name());
        if (factory == null) {
            throw new InvalidAlgorithmSpecException("unknown algorithm '" + spec.name() + "'; known: " + factories.keySet());
        }
        return factory.apply(spec);
    }
}
