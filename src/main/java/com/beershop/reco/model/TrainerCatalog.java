package com.beershop.reco.model;

import com.beershop.reco.model.blend.TrendBlendTrainer;
import com.beershop.reco.model.ease.EaseTrainer;
import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import com.beershop.reco.model.librec.LibrecTrainer;
import com.beershop.reco.model.popularity.MostPopularTrainer;
import com.beershop.reco.model.popularity.RecentPopularTrainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every algorithm the job can train, by configured name. The trainers it creates train on the run's {@link Workers},
 * so the one thread setting covers training too, whichever algorithm or plugin is configured.
 */
public final class TrainerCatalog {

    private final Map<String, Function<AlgorithmSpec, Trainer>> factories;
    private final Workers workers;

    private TrainerCatalog(Map<String, Function<AlgorithmSpec, Trainer>> factories, Workers workers) {
        this.factories = Collections.unmodifiableMap(factories);
        this.workers = workers;
    }

    public static TrainerCatalog standard(Workers workers) {
        Map<String, Function<AlgorithmSpec, Trainer>> factories = new LinkedHashMap<>();
        factories.put(MostPopularTrainer.NAME, MostPopularTrainer::fromSpec);
        factories.put(RecentPopularTrainer.NAME, RecentPopularTrainer::fromSpec);
        factories.put("ials", ImplicitAlsTrainer::fromSpec);
        factories.put("ease", EaseTrainer::fromSpec);
        for (String name : LibrecTrainer.algorithmNames()) {
            factories.put(name, LibrecTrainer::fromSpec);
        }
        return new TrainerCatalog(factories, workers);
    }

    /** The standard catalogue plus every plugin, each under its name (a plugin may replace a built-in). */
    public static TrainerCatalog withPlugins(Workers workers, Iterable<TrainerPlugin> plugins) {
        TrainerCatalog catalog = standard(workers);
        for (TrainerPlugin plugin : plugins) {
            catalog = catalog.with(plugin.name(), plugin.factory());
        }
        return catalog;
    }

    /** A catalogue with one more algorithm (for an extension, or a test double). */
    public TrainerCatalog with(String name, Function<AlgorithmSpec, Trainer> factory) {
        Map<String, Function<AlgorithmSpec, Trainer>> more = new LinkedHashMap<>(factories);
        more.put(name, factory);
        return new TrainerCatalog(more, workers);
    }

    /** The threads its trainers train on; an evaluator of their models scores on the same ones. */
    public Workers workers() {
        return workers;
    }

    /** @throws InvalidAlgorithmSpecException for an unknown name or parameter */
    public Trainer create(AlgorithmSpec spec) {
        Function<AlgorithmSpec, Trainer> factory = factories.get(spec.name());
        if (factory == null) {
            throw new InvalidAlgorithmSpecException("unknown algorithm '" + spec.name() + "'; known: " + factories.keySet());
        }
        return new OnWorkers(TrendBlendTrainer.create(spec, factory), workers);
    }

    /** A trainer whose training, block loops included, runs on the workers. */
    private record OnWorkers(Trainer trainer, Workers workers) implements Trainer {

        @Override
        public String algorithm() {
            return trainer.algorithm();
        }

        @Override
        public Map<String, Object> effectiveParams() {
            return trainer.effectiveParams();
        }

        @Override
        public TrainedModel train(InteractionMatrix ratings, long seed) {
            return workers.call(() -> trainer.train(ratings, seed));
        }

        @Override
        public TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
            return workers.call(() -> trainer.trainFrom(ratings, seed, start));
        }

        /** The trainer's parameters, for logs. */
        @Override
        public String toString() {
            return trainer.toString();
        }
    }

    /** The algorithm names, built-in first (the usage text lists them). */
    public Set<String> names() {
        return factories.keySet();
    }
}
