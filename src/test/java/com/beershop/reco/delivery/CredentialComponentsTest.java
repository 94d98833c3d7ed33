package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.beershop.reco.delivery.ArgoCdSync.stepOf;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** cronjob/components for credentials and TLS, switched on in production as docs/operations.md says. */
class CredentialComponentsTest {

    private static final Set<String> PASSWORD_VARIABLES = Set.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");

    @Test
    void shouldRunEveryPodUnderItsWorkloadIdentityWithNoPasswordAnywhere(@TempDir Path scratch) {
        // given
        List<HasMetadata> rendered = Components.production(scratch, List.of("workload-identity"));

        // when
        Map<String, PodSpec> pods = Components.pods(rendered);
        Map<String, ServiceAccount> accounts = Manifests.ofKind(rendered, ServiceAccount.class).stream()
                .collect(Collectors.toMap(a -> a.getMetadata().getName(), a -> a));

        // then: the migration under the DDL identity, everything else under the night's
        assertThat(pods).hasSize(6).allSatisfy((name, pod) -> {
            assertThat(pod.getServiceAccountName()).as(name)
                    .isEqualTo(name.equals("beer-reco-batch-migrate") ? "beer-reco-batch-migrate" : "beer-reco-batch");
            assertThat(accounts.get(pod.getServiceAccountName()).getMetadata().getAnnotations())
                    .containsKey("azure.workload.identity/client-id");
            assertThat(onlyContainer(pod).getEnv()).as(name).extracting(EnvVar::getName)
                    .contains("SPRING_DATASOURCE_URL").doesNotContainAnyElementsOf(PASSWORD_VARIABLES);
        });
        assertThat(Manifests.ofKind(rendered, Job.class)).allSatisfy(hook -> {
            assertThat(hook.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("azure.workload.identity/use", "true");
            assertThat(accounts.values()).allSatisfy(a -> assertThat(stepOf(a)).as("service account before the hook")
                    .isLessThan(stepOf(hook)));
        });
        assertThat(Manifests.cronJob(rendered).getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("azure.workload.identity/use", "true");
        assertThat(Manifests.ofKind(rendered, NetworkPolicy.class).get(0).getSpec().getEgress())
                .as("Entra ID's token endpoint").anySatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(443)));
    }

    @Test
    void shouldWriteBothDatabaseSecretsFromKeyVaultBeforeTheHooksReadThem(@TempDir Path scratch) {
        // given
        List<HasMetadata> rendered = Components.production(scratch, List.of("workload-identity", "external-secrets"));

        // when
        List<GenericKubernetesResource> externalSecrets = Manifests.ofKind(rendered, GenericKubernetesResource.class)
                .stream().filter(r -> r.getKind().equals("ExternalSecret")).toList();
        GenericKubernetesResource store = Manifests.ofKind(rendered, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("SecretStore")).findFirst().orElseThrow();
        Set<String> secretsRead = Components.pods(rendered).values().stream()
                .flatMap(pod -> SyncOrderTest.secretsReadBy(pod).stream()).collect(Collectors.toSet());

        // then
        assertThat(externalSecrets).extracting(SyncOrderTest::externalSecretTarget)
                .containsExactlyInAnyOrder("inventorydb-credentials", "inventorydb-migrate-credentials")
                .containsAll(secretsRead);
        assertThat(externalSecrets).allSatisfy(e -> assertThat(stepOf(store)).isLessThan(stepOf(e)));
        SyncOrderTest.assertHooksReadWhatTheSyncAppliedBefore(rendered);
        assertThat(Manifests.ofKind(rendered, Secret.class)).as("still no Secret in git").isEmpty();
    }

    @Test
    void shouldMountTheTruststoreReadOnlyInEveryPod(@TempDir Path scratch) {
        // given
        List<HasMetadata> rendered = Components.production(scratch, List.of("ca-truststore"));

        // when / then
        assertThat(Components.pods(rendered)).hasSize(6).allSatisfy((name, pod) -> {
            assertThat(onlyContainer(pod).getVolumeMounts()).as(name).anySatisfy(mount -> {
                assertThat(mount.getMountPath()).isEqualTo("/etc/reco/truststore");
                assertThat(mount.getReadOnly()).isTrue();
            });
            assertThat(pod.getVolumes()).filteredOn(v -> v.getSecret() != null).singleElement()
                    .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("inventorydb-truststore"));
        });
    }

    @Test
    void shouldLetTheProjectDeployEveryKindOfEveryComponent(@TempDir Path scratch) {
        // given
        Set<String> allowed = ArgoCdApplicationsTest.whitelistedKinds();

        // when
        Set<String> deployed = Components.production(scratch, Components.OPTIONAL).stream().map(HasMetadata::getKind)
                .collect(Collectors.toSet());

        // then
        assertThat(allowed).containsAll(deployed).doesNotContain("Secret");
    }

    @Test
    void shouldGiveOperatorsTheCommandsThatSwitchEachComponentOn() {
        // given
        String operations = RepoCopy.read(Manifests.REPO.resolve("docs/operations.md"));

        // when / then: the very sed lines these tests run
        assertThat(Components.OPTIONAL).allSatisfy(c -> assertThat(operations).contains(Components.switchOn(c)));
    }
}
