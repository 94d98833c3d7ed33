package com.beershop.reco.delivery;

import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus Operator's PrometheusRule has no Java model here, so it is read as a tree and every object is
 * checked against the fields a rule file may use: a misspelt {@code anotations} would otherwise vanish silently.
 */
final class PrometheusRuleFiles {

    static final String KIND = "PrometheusRule";

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "metadata", Set.of("name", "namespace", "labels", "annotations"),
            "spec", Set.of("groups"));
    private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("alert", "record", "expr", "for", "labels", "annotations");

    private PrometheusRuleFiles() {
    }

    static void check(JsonNode document) {
        assertThat(document.path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(document.path("kind").asString()).isEqualTo(KIND);
        FIELDS.forEach((path, fields) -> {
            JsonNode node = ArgoCdFiles.at(document, path);
            if (!node.isMissingNode()) {
                assertThat(new HashSet<>(node.propertyNames())).as("PrometheusRule %s fields", path.isEmpty() ? "top-level" : path)
                        .isSubsetOf(fields);
            }
        });
        assertThat(document.path("spec").path("groups").isArray()).as("spec.groups is a list").isTrue();
        for (JsonNode group : document.path("spec").path("groups")) {
            assertThat(new HashSet<>(group.propertyNames())).as("rule group fields").isSubsetOf(GROUP_FIELDS);
            for (JsonNode rule : group.path("rules")) {
                assertThat(new HashSet<>(rule.propertyNames())).as("rule %s fields", rule.path("alert").asString())
                        .isSubsetOf(RULE_FIELDS);
            }
        }
    }
}
