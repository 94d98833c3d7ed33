package com.beershop.reco.delivery;

import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ArgoCD's CRDs have no Java model here, so its files are read as trees and every object is checked against the
 * fields these files use: a misspelt {@code syncPolcy} would otherwise be dropped silently and automation lost.
 */
final class ArgoCdFiles {

    private static final Map<String, Set<String>> APPLICATION_FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "metadata", Set.of("name", "namespace", "finalizers", "labels", "annotations"),
            "spec", Set.of("project", "source", "destination", "syncPolicy"),
            "spec.source", Set.of("repoURL", "targetRevision", "path"),
            "spec.destination", Set.of("server", "namespace"),
            "spec.syncPolicy", Set.of("automated", "syncOptions", "retry"),
            "spec.syncPolicy.automated", Set.of("prune", "selfHeal"),
            "spec.syncPolicy.retry", Set.of("limit", "backoff"),
            "spec.syncPolicy.retry.backoff", Set.of("duration", "factor", "maxDuration"));

    private static final Map<String, Set<String>> PROJECT_FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "metadata", Set.of("name", "namespace", "labels", "annotations"),
            "spec", Set.of("description", "sourceRepos", "destinations", "clusterResourceWhitelist",
                    "namespaceResourceWhitelist"));

    private ArgoCdFiles() {
    }

    static void check(JsonNode document) {
        assertThat(document.path("apiVersion").asString()).isEqualTo("argoproj.io/v1alpha1");
        String kind = document.path("kind").asString();
        assertThat(kind).isIn("Application", "AppProject");
        Map<String, Set<String>> allowed = kind.equals("Application") ? APPLICATION_FIELDS : PROJECT_FIELDS;
        allowed.forEach((path, fields) -> {
            JsonNode node = at(document, path);
            if (!node.isMissingNode()) {
                assertThat(new HashSet<>(node.propertyNames())).as("%s %s fields", kind, path.isEmpty() ? "top-level" : path)
                        .isSubsetOf(fields);
            }
        });
        if (kind.equals("AppProject")) {
            for (String list : List.of("destinations", "clusterResourceWhitelist", "namespaceResourceWhitelist")) {
                for (JsonNode entry : document.path("spec").path(list)) {
                    assertThat(new HashSet<>(entry.propertyNames())).as("AppProject spec.%s entry", list)
                            .isSubsetOf(list.equals("destinations") ? Set.of("server", "namespace") : Set.of("group", "kind"));
                }
            }
        }
    }

    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        if (!dottedPath.isEmpty()) {
            for (String part : dottedPath.split("\\.")) {
                node = node.path(part);
            }
        }
        return node;
    }
}
