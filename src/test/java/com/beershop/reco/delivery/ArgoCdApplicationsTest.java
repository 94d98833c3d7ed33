package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.beershop.reco.delivery.Manifests.ARGOCD;
import static com.beershop.reco.delivery.Manifests.CRONJOB;
import static org.assertj.core.api.Assertions.assertThat;

class ArgoCdApplicationsTest {

    private static JsonNode read(String file) {
        return Manifests.documents(ARGOCD.resolve(file)).get(0);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"staging, beer-reco-staging", "production, beer-reco"})
    void shouldSyncEachOverlayAutomaticallyIntoItsOwnNamespace(String overlay, String namespace) {
        // given
        JsonNode app = read("application-" + overlay + ".yaml");
        JsonNode project = read("project.yaml");

        // when
        JsonNode spec = app.path("spec");
        JsonNode sync = spec.path("syncPolicy");

        // then
        assertThat(app.path("kind").asString()).isEqualTo("Application");
        assertThat(app.path("metadata").path("namespace").asString()).isEqualTo("argocd");
        assertThat(strings(app.path("metadata").path("finalizers"))).contains("resources-finalizer.argocd.argoproj.io");
        assertThat(spec.path("project").asString()).isEqualTo(project.path("metadata").path("name").asString())
                .isEqualTo("beer-reco-batch");
        assertThat(spec.path("source").path("path").asString()).isEqualTo("cronjob/overlays/" + overlay);
        assertThat(Files.isRegularFile(CRONJOB.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))).isTrue();
        assertThat(strings(project.path("spec").path("sourceRepos"))).containsExactly(spec.path("source").path("repoURL").asString());
        assertThat(spec.path("destination").path("namespace").asString()).isEqualTo(namespace);
        assertThat(sync.path("automated").path("prune").asBoolean()).isTrue();
        assertThat(sync.path("automated").path("selfHeal").asBoolean()).isTrue();
        assertThat(strings(sync.path("syncOptions"))).contains("CreateNamespace=true");
        assertThat(sync.path("retry").path("limit").asInt()).isPositive();
        assertThat(sync.path("retry").path("backoff").path("duration").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"staging, beer-reco-staging", "production, beer-reco"})
    void shouldDeployIntoTheNamespaceTheOverlaySetsAndTheProjectAllows(String overlay, String namespace) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        JsonNode project = read("project.yaml");

        // when
        Set<String> allowedNamespaces = StreamSupport.stream(project.path("spec").path("destinations").spliterator(), false)
                .map(d -> d.path("namespace").asString()).collect(Collectors.toSet());

        // then
        assertThat(rendered).allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(namespace));
        assertThat(allowedNamespaces).containsExactlyInAnyOrder("beer-reco-staging", "beer-reco");
    }

    static Set<String> whitelistedKinds() {
        return StreamSupport.stream(read("project.yaml").path("spec").path("namespaceResourceWhitelist").spliterator(), false)
                .map(k -> k.path("kind").asString()).collect(Collectors.toSet());
    }

    @Test
    void shouldWhitelistOnlyTheKindsTheOverlaysAndTheirComponentsDeploy() {
        // given
        JsonNode spec = read("project.yaml").path("spec");

        // when
        Set<String> namespaced = whitelistedKinds();
        Set<String> clusterWide = StreamSupport.stream(spec.path("clusterResourceWhitelist").spliterator(), false)
                .map(k -> k.path("kind").asString()).collect(Collectors.toSet());
        Set<String> deployed = Stream.of("staging", "production").flatMap(o -> Manifests.rendered(o).stream())
                .map(HasMetadata::getKind).collect(Collectors.toSet());

        // then: the optional components' kinds as well (CredentialComponentsTest renders them); never a Secret
        assertThat(namespaced).containsExactlyInAnyOrder("CronJob", "Job", "ConfigMap", "PrometheusRule", "ServiceMonitor",
                "NetworkPolicy", "ServiceAccount", "ExternalSecret", "SecretStore");
        assertThat(clusterWide).containsExactly("Namespace");
        assertThat(namespaced).containsAll(deployed);
    }
}
