package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.beershop.reco.delivery.Manifests.ARGOCD;
import static com.beershop.reco.delivery.Manifests.CRONJOB;
import static com.beershop.reco.delivery.Manifests.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every YAML file under cronjob/ and argocd/ is read strictly, as what it claims to be. */
class ManifestFilesTest {

    /** Kustomization fields these files may use; the deprecated ones fail with their replacement. */
    /** {@code replacements} (what replaced {@code vars}) gives the rehearse CronJob the nightly run's resources. */
    static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "images",
            "labels", "namespace", "configMapGenerator", "generatorOptions", "components", "replacements");
    /** A kustomize Component (cronjob/monitoring, cronjob/components) adds resources, generators, patches, labels. */
    static final Set<String> COMPONENT_FIELDS = Set.of("apiVersion", "kind", "resources", "patches",
            "configMapGenerator", "components", "labels");
    static final Set<String> DEPRECATED_KUSTOMIZATION_FIELDS = Set.of("bases", "patchesStrategicMerge",
            "patchesJson6902", "commonLabels", "vars", "imageTags");

    static Stream<Path> yamlFiles() {
        return Manifests.yamlFilesUnder(CRONJOB, ARGOCD).stream();
    }

    @Test
    void shouldFindTheDeploymentFiles() {
        // given / when
        List<String> names = yamlFiles().map(p -> REPO.relativize(p).toString()).toList();

        // then
        assertThat(names).contains("cronjob/base/kustomization.yaml", "cronjob/base/cronjob.yaml",
                "cronjob/base/migrate-job.yaml", "cronjob/base/republish-cronjob.yaml",
                "cronjob/base/rehearse-cronjob.yaml",
                "cronjob/overlays/staging/kustomization.yaml",
                "cronjob/overlays/production/kustomization.yaml", "argocd/project.yaml",
                "argocd/application-staging.yaml", "argocd/application-production.yaml",
                "cronjob/monitoring/kustomization.yaml", "cronjob/monitoring/prometheus-rule.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void shouldParseEveryDocumentStrictlyAsItsKind(Path file) {
        // given
        List<JsonNode> documents = Manifests.documents(file);

        // when / then
        assertThat(documents).as(file.toString()).isNotEmpty();
        for (JsonNode document : documents) {
            String kind = document.path("kind").asString();
            if (kind.equals("Kustomization")) {
                checkKustomization(document);
            } else if (kind.equals("Component")) {
                checkComponent(document);
            } else if (document.path("apiVersion").asString().startsWith("argoproj.io/")) {
                ArgoCdFiles.check(document);
            } else {
                assertThat(Manifests.isKubernetesKind(kind)).as("%s: kind '%s' has a fabric8 type", file, kind).isTrue();
                assertThat(Manifests.typed(withoutMergeDirectives(document))).isNotNull();
            }
        }
    }

    /** A strategic-merge patch may delete a list entry with {@code $patch: delete}; the rest must be real fields. */
    static JsonNode withoutMergeDirectives(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("$patch");
        }
        node.forEach(ManifestFilesTest::strip);
    }

    @Test
    void shouldRejectAMisspelledFieldEvenDeepInAPodTemplate() {
        // given: readOnlyRootFilesystem misspelled in a container's securityContext
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: x
                              securityContext:
                                readOnlyRootFileSystem: true
                """;

        // when / then
        assertThatThrownBy(() -> Manifests.typed(Manifests.documents(yaml).get(0)))
                .hasMessageContaining("readOnlyRootFileSystem");
    }

    @Test
    void shouldRejectAMisspelledTopLevelField() {
        // given
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  scheduel: "0 1 * * *"
                """;

        // when / then
        assertThatThrownBy(() -> Manifests.typed(Manifests.documents(yaml).get(0))).hasMessageContaining("scheduel");
    }

    @Test
    void shouldRejectDuplicateKeys() {
        // given
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data:
                  RECO_SCORING_TOP_N: "10"
                  RECO_SCORING_TOP_N: "20"
                """;

        // when / then
        assertThatThrownBy(() -> Manifests.documents(yaml)).hasMessageContaining("RECO_SCORING_TOP_N");
    }

    @Test
    void shouldRejectDeprecatedKustomizationFields() {
        // given
        String yaml = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                bases: [../../base]
                commonLabels: {environment: staging}
                """;

        // when / then
        assertThatThrownBy(() -> checkKustomization(Manifests.documents(yaml).get(0)))
                .hasMessageContaining("bases").hasMessageContaining("commonLabels");
    }

    @Test
    void shouldKeepTheSecretExampleOutOfEveryKustomizationAndFreeOfRealValues() throws Exception {
        // given
        Path example = CRONJOB.resolve("secret.example.yaml");
        List<Secret> secrets = Manifests.documents(example).stream().map(d -> (Secret) Manifests.typed(d)).toList();

        // when
        List<String> referenced = new ArrayList<>();
        for (Path file : Manifests.yamlFilesUnder(CRONJOB, ARGOCD)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                referenced.add(Files.readString(file));
            }
        }

        // then
        assertThat(referenced).noneMatch(text -> text.contains("secret.example"));
        assertThat(secrets).extracting(s -> s.getMetadata().getName())
                .containsExactly("inventorydb-credentials", "inventorydb-migrate-credentials");
        assertThat(secrets).allSatisfy(secret -> {
            assertThat(secret.getStringData()).containsOnlyKeys("url", "username", "password");
            assertThat(secret.getStringData().get("username")).isEqualTo("<login>");
            assertThat(secret.getStringData().get("password")).isEqualTo("<password>");
            assertThat(secret.getData()).isNullOrEmpty();
        });
    }

    @Test
    void shouldRejectAMisspelledFieldOfAPrometheusRule() {
        // given
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: x}
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: A
                          expr: vector(1)
                          anotations: {summary: s}
                """;

        // when / then
        assertThatThrownBy(() -> Manifests.typed(Manifests.documents(yaml).get(0))).hasMessageContaining("anotations");
    }

    static void checkComponent(JsonNode component) {
        assertThat(component.path("apiVersion").asString()).isEqualTo("kustomize.config.k8s.io/v1alpha1");
        assertThat(new HashSet<>(component.propertyNames())).as("component fields").isSubsetOf(COMPONENT_FIELDS);
    }

    static void checkKustomization(JsonNode kustomization) {
        assertThat(kustomization.path("apiVersion").asString()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        Set<String> fields = new HashSet<>(kustomization.propertyNames());
        Set<String> deprecated = new HashSet<>(fields);
        deprecated.retainAll(DEPRECATED_KUSTOMIZATION_FIELDS);
        assertThat(deprecated).as("deprecated kustomize fields (use resources, patches, labels, images)").isEmpty();
        assertThat(fields).as("kustomization fields").isSubsetOf(KUSTOMIZATION_FIELDS);
    }
}
