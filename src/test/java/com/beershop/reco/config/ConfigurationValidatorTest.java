package com.beershop.reco.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation before start binds every configuration record: a new record must join its list. */
class ConfigurationValidatorTest {

    @Test
    void shouldBindEveryConfigurationRecordOfTheApplication() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> scanned = scanner.findCandidateComponents("com.beershop.reco").stream()
                .map(definition -> definition.getBeanClassName()).collect(Collectors.toSet());

        assertThat(ConfigurationValidator.RECORDS).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(scanned);
    }
}
