package com.beershop.reco.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks environment variables the way the application will see them: through Spring Boot's relaxed binding of a
 * system-environment property source. Every {@code @ConfigurationProperties} record of the application is bound
 * from the variables (so a value the record refuses fails too), and each {@code RECO_*} key must have been consumed
 * by some property; other keys must be properties in Spring Boot's configuration metadata.
 * <p>
 * Not {@code NoUnboundElementsBindHandler}: it compares the names a variable maps to
 * ({@code RECO_SCHEMA_INVENTORY_DDL} reads as {@code reco.schema.inventory.ddl}) with the bound names
 * ({@code reco.schema.inventory-ddl}), so it reports every dashed property set from the environment as unbound.
 */
final class ConfigurationKeys {

    private static final String APP_PACKAGE = "com.beershop.reco";
    /** Spring Boot applies its environment-variable mapping (RECO_SCORING_TOP_N to reco.scoring.top-n) only by this name. */
    private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Map<String, Class<?>> RECORDS = findConfigurationProperties();
    private static final Map<String, String> SPRING_PROPERTIES = springBootMetadata();

    private ConfigurationKeys() {
    }

    /** The reco.* prefixes and their records, found by scanning the application (a new record is covered at once). */
    static Map<String, Class<?>> recordsByPrefix() {
        return RECORDS;
    }

    /** Every problem with these variables: a key that binds to nothing, or a value its record refuses. */
    static List<String> problems(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        ConfigurationPropertySource source = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, new LinkedHashMap<>(environment)));
        Binder binder = new Binder(List.of(source));

        // bind every record as the application does, remembering each property that took a value
        Set<String> consumed = new HashSet<>();
        BindHandler recording = new AbstractBindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                consumed.add(environmentForm(name.toString()));
                return super.onSuccess(name, target, context, result);
            }
        };
        RECORDS.forEach((prefix, type) -> {
            try {
                binder.bind(prefix, Bindable.of(type), recording);
            } catch (BindException e) {
                problems.add(prefix + ": " + rootMessage(e));
            }
        });

        for (String key : environment.keySet()) {
            if (!ENVIRONMENT_NAME.matcher(key).matches()) {
                problems.add(key + ": not an environment-variable form of a property (upper case, digits, _)");
            } else if (key.startsWith("RECO_")) {
                if (!consumed.contains(key)) {
                    problems.add(key + ": binds to no property of the @ConfigurationProperties records " + RECORDS.keySet());
                }
            } else if (!isKnownSpringProperty(key)) {
                problems.add(key + ": not a property in Spring Boot's configuration metadata");
            }
        }
        return problems;
    }

    /**
     * The canonical environment-variable form of a property name: {@code reco.schema.inventory-ddl} is
     * {@code RECO_SCHEMA_INVENTORY_DDL}, {@code reco.evaluation.candidates[0]} is {@code RECO_EVALUATION_CANDIDATES_0}.
     */
    static String environmentForm(String propertyName) {
        return propertyName.replace("]", "").replaceAll("[.\\[-]", "_").toUpperCase(Locale.ROOT);
    }

    private static boolean isKnownSpringProperty(String key) {
        for (Map.Entry<String, String> property : SPRING_PROPERTIES.entrySet()) {
            String known = environmentForm(property.getKey());
            if (known.equals(key)) {
                return true;
            }
            // a Map-valued property (logging.level) takes any key below it; its own name binds from the environment
            // only with the dashes removed, Boot's documented form (grouping-key: GROUPINGKEY, not GROUPING_KEY)
            String undashed = environmentForm(property.getKey().replace("-", ""));
            if (property.getValue().startsWith("java.util.Map") && key.startsWith(undashed + "_")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Class<?>> findConfigurationProperties() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> records = new TreeMap<>();
        scanner.findCandidateComponents(APP_PACKAGE).forEach(candidate -> {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ConfigurationKeys.class.getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            records.put(prefix, type);
        });
        return Collections.unmodifiableMap(records);
    }

    private static Map<String, String> springBootMetadata() {
        Map<String, String> properties = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            Enumeration<URL> files = ConfigurationKeys.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        properties.put(property.path("name").asString(), property.path("type").asString(""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            message.append(" <- ").append(t.getMessage());
        }
        return message.toString();
    }
}
