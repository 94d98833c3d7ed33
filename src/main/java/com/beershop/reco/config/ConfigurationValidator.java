package com.beershop.reco.config;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.TrainerPlugin;
import com.beershop.reco.model.Workers;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Checks the whole configuration once every bean is defined but before any is created, so before anything
 * touches the database: every configuration record binds (each refuses its own bad values and table or column
 * names), and the algorithm with its parameters, and every evaluation candidate, build a trainer from the
 * built-in algorithms and the {@link TrainerPlugin} beans. A mistake costs a second, not the ratings load.
 */
public final class ConfigurationValidator implements BeanFactoryPostProcessor {

    /** Every configuration record of the application (ConfigurationBindingTest finds the same by scanning). */
    static final List<Class<?>> RECORDS = List.of(EvaluationProperties.class, InputProperties.class,
            InventoryProperties.class, JobProperties.class, ModelProperties.class, PublishProperties.class,
            QualityGateProperties.class, SampleDataProperties.class, SchemaProperties.class, ScoringProperties.class,
            SelectionProperties.class, TrackingProperties.class);

    private final Environment environment;

    public ConfigurationValidator(Environment environment) {
        this.environment = environment;
    }

    /**
     * Runs after Spring has read every bean definition: the plugins are plain beans without dependencies, so
     * creating them this early costs nothing and touches nothing.
     */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        validate(environment, beanFactory.getBeansOfType(TrainerPlugin.class).values());
    }

    /** @throws RuntimeException a BindException or InvalidAlgorithmSpecException naming what is wrong */
    public static void validate(Environment environment, Iterable<TrainerPlugin> plugins) {
        Binder binder = Binder.get(environment);
        for (Class<?> type : RECORDS) {
            binder.bindOrCreate(type.getAnnotation(ConfigurationProperties.class).value(), type);
        }
        ModelProperties model = binder.bindOrCreate("reco.model", ModelProperties.class);
        List<String> candidates = binder.bindOrCreate("reco.evaluation", EvaluationProperties.class).candidates();
        try (Workers workers = Workers.of(1)) { // building a trainer starts no thread
            TrainerCatalog catalog = TrainerCatalog.withPlugins(workers, plugins);
            try {
                catalog.create(model.spec());
            } catch (InvalidAlgorithmSpecException e) {
                throw new InvalidAlgorithmSpecException("reco.model: " + e.getMessage());
            }
            for (AlgorithmSpec candidate : binder.bindOrCreate("reco.selection", SelectionProperties.class)
                    .searchSpace().candidates()) {
                try {
                    catalog.create(candidate);
                } catch (InvalidAlgorithmSpecException e) {
                    throw new InvalidAlgorithmSpecException("reco.selection.candidates " + candidate + ": " + e.getMessage());
                }
            }
            for (String candidate : candidates) {
                try {
                    catalog.create(AlgorithmSpec.parse(candidate));
                } catch (InvalidAlgorithmSpecException e) {
                    throw new InvalidAlgorithmSpecException("reco.evaluation.candidates '" + candidate + "': " + e.getMessage());
                }
            }
        }
    }
}
