package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.beershop.reco.delivery.Manifests.cronJob;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.checkJob;
import static com.beershop.reco.delivery.Manifests.checkPod;
import static com.beershop.reco.delivery.Manifests.migrateJob;
import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** Each overlay as {@code kubectl kustomize} renders it, i.e. what ArgoCD applies. */
class RenderedOverlaysTest {

    private static final Pattern SECRET_LOOKING_KEY = Pattern.compile("(?i).*(password|secret|token|credential|key).*");
    private static final Pattern SECRET_LOOKING_VALUE = Pattern.compile("(?i).*(password=|pwd=|jdbc:).*");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "staging,    beer-reco-staging, 30 1 * * *, beershop.azurecr.io/beer-reco-batch:1.1.0",
            "production, beer-reco,         30 3 * * *, beershop.azurecr.io/beer-reco-batch:1.0.0"})
    void shouldScheduleOneNightlyRunAtATimeWithTheOverlaysImageInItsNamespace(String overlay, String namespace,
                                                                             String schedule, String image) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        CronJob cronJob = cronJob(rendered);
        Job migrate = migrateJob(rendered);

        // then
        assertThat(cronJob.getMetadata().getName()).isEqualTo("beer-reco-batch");
        assertThat(cronJob.getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(migrate.getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo(schedule);
        assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(schedule.split(" ")[1]).as("hour: 02:00-03:00 is skipped or repeated on DST days").isNotEqualTo("2");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds()).isPositive();
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTtlSecondsAfterFinished()).isPositive();
        assertThat(onlyContainer(cronJobPod(rendered)).getImage()).isEqualTo(image);
        assertThat(onlyContainer(migratePod(rendered)).getImage()).isEqualTo(image);
        assertThat(onlyContainer(checkPod(rendered)).getImage()).isEqualTo(image);
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
                .as("pods carry the overlay's labels").containsEntry("environment", overlay);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldRunBothPodsAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when / then
        for (PodSpec pod : List.of(cronJobPod(rendered), migratePod(rendered), checkPod(rendered),
                Manifests.republishPod(rendered))) {
            Container container = onlyContainer(pod);
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).singleElement()
                    .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldTakeTheDatabaseCredentialsOnlyFromSecretsTheDdlLoginOnlyForTheMigration(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when / then: the migration logs in as the DDL login, everything else as the DML-only login of the night
        Map<PodSpec, String> secretOf = Map.of(cronJobPod(rendered), "inventorydb-credentials",
                Manifests.republishPod(rendered), "inventorydb-credentials",
                checkPod(rendered), "inventorydb-credentials",
                migratePod(rendered), "inventorydb-migrate-credentials");
        secretOf.forEach((pod, secret) -> {
            Map<String, EnvVar> env = onlyContainer(pod).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));
            Map.of("SPRING_DATASOURCE_URL", "url", "SPRING_DATASOURCE_USERNAME", "username",
                    "SPRING_DATASOURCE_PASSWORD", "password").forEach((name, key) -> {
                EnvVar var = env.get(name);
                assertThat(var).as(name).isNotNull();
                assertThat(var.getValue()).as(name + " has no literal value").isNull();
                assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
                assertThat(var.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
            });
        });
        assertThat(Manifests.ofKind(rendered, Secret.class)).as("no Secret is rendered from git").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "staging    | beer-reco-batch-config",
            "production | beer-reco-batch-config beer-reco-batch-dashboard"})   // the dashboard: cronjob/monitoring
    void shouldKeepSecretsOutOfEveryConfigMap(String overlay, String expectedNames) {
        // given
        List<ConfigMap> configMaps = Manifests.ofKind(Manifests.rendered(overlay), ConfigMap.class);

        // when / then
        assertThat(configMaps).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder(expectedNames.split(" "));
        for (ConfigMap configMap : configMaps) {
            assertThat(configMap.getBinaryData()).isNullOrEmpty();
            // the Pushgateway's grouping key (GROUPINGKEY) is a label, not a key to anything
            assertThat(configMap.getData().keySet()).noneMatch(k -> SECRET_LOOKING_KEY.matcher(k.replace("_GROUPINGKEY_", "_")).matches())
                    .doesNotContain("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME");
            assertThat(configMap.getData().values()).noneMatch(v -> SECRET_LOOKING_VALUE.matcher(v).matches());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldPointTheCronJobAtTheRenderedConfigMapAndPinTheProductionSafeSettings(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        Container container = onlyContainer(cronJobPod(rendered));
        ConfigMap configMap = Manifests.ofKind(rendered, ConfigMap.class).get(0);

        // then
        assertThat(container.getArgs()).containsExactly("run");
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(configMap.getMetadata().getName()));
        assertThat(configMap.getData())
                .containsEntry("RECO_SCHEMA_MODE", "VALIDATE")
                .containsEntry("RECO_SCHEMA_INVENTORY_DDL", "VALIDATE")
                .containsEntry("RECO_SAMPLE_DATA_SEED", "NEVER");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldMigrateInASyncHookThatRunsOnceWithThisSyncsSettingsAndNeverCreatesInventoryTables(String overlay) {
        // given
        Job migrate = migrateJob(Manifests.rendered(overlay));

        // when
        Container container = onlyContainer(migrate.getSpec().getTemplate().getSpec());

        // then
        assertThat(migrate.getMetadata().getName()).isEqualTo("beer-reco-batch-migrate");
        assertThat(migrate.getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/hook", "Sync")
                .containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        assertThat(migrate.getSpec().getBackoffLimit()).isZero();
        assertThat(container.getArgs()).containsExactly("migrate");
        assertThat(container.getEnvFrom()).as("the ConfigMap of this sync, applied in an earlier wave").singleElement()
                .satisfies(from -> {
                    assertThat(from.getConfigMapRef().getName()).isEqualTo("beer-reco-batch-config");
                    assertThat(from.getConfigMapRef().getOptional()).as("it exists: wave -1").isNotEqualTo(Boolean.TRUE);
                });
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RECO_SCHEMA_INVENTORY_DDL");
            assertThat(e.getValue()).isEqualTo("VALIDATE");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldCheckTheDatabaseInASyncHookAfterTheMigrationAndBeforeTheCronJobsWithTheRunsSettings(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        Job migrate = migrateJob(rendered);

        // when
        Job check = checkJob(rendered);
        Container container = onlyContainer(check.getSpec().getTemplate().getSpec());

        // then
        assertThat(check.getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/hook", "Sync")
                .containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        assertThat(ArgoCdSync.stepOf(check)).as("the check runs after the migration").isGreaterThan(ArgoCdSync.stepOf(migrate));
        assertThat(ArgoCdSync.stepOf(cronJob(rendered))).as("the night's CronJob only after the check passed")
                .isGreaterThan(ArgoCdSync.stepOf(check));
        assertThat(check.getSpec().getBackoffLimit()).isZero();
        assertThat(container.getArgs()).containsExactly("check");
        assertThat(container.getEnvFrom()).as("the run's settings of this very sync").singleElement()
                .satisfies(from -> {
                    assertThat(from.getConfigMapRef().getName()).isEqualTo("beer-reco-batch-config");
                    assertThat(from.getConfigMapRef().getOptional()).isNotEqualTo(Boolean.TRUE);
                });
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RECO_SCHEMA_INVENTORY_DDL");
            assertThat(e.getValue()).isEqualTo("VALIDATE");
        });
    }

    @Test
    void shouldGiveProductionMoreMemoryAndCpuThanStaging() {
        // given
        Container staging = onlyContainer(cronJobPod(Manifests.rendered("staging")));
        Container production = onlyContainer(cronJobPod(Manifests.rendered("production")));

        // when
        Map<String, Quantity> stagingLimits = staging.getResources().getLimits();
        Map<String, Quantity> productionLimits = production.getResources().getLimits();

        // then
        assertThat(Quantity.getAmountInBytes(productionLimits.get("memory")))
                .isGreaterThan(Quantity.getAmountInBytes(stagingLimits.get("memory")));
        assertThat(Quantity.getAmountInBytes(productionLimits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(stagingLimits.get("cpu")));
        assertThat(production.getResources().getRequests().get("memory"))
                .as("memory request = limit: not the first pod evicted").isEqualTo(productionLimits.get("memory"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldRequestLessCpuThanATwoVcpuNodeHasAllocatable(String overlay) {
        // given: a 2-vCPU AKS node keeps about 0.1 vCPU for the kubelet, and its DaemonSets request some more
        Quantity allocatableAfterDaemonSets = new Quantity("1500m");
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when / then
        for (PodSpec pod : List.of(cronJobPod(rendered), migratePod(rendered), checkPod(rendered), Manifests.republishPod(rendered))) {
            assertThat(Quantity.getAmountInBytes(onlyContainer(pod).getResources().getRequests().get("cpu")))
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(allocatableAfterDaemonSets));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldLabelEveryResourceWithTheApplicationsName(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when / then: kubectl get all,cm,prometheusrule,servicemonitor,networkpolicy -l app.kubernetes.io/name=beer-reco-batch
        assertThat(rendered).isNotEmpty().allSatisfy(r -> assertThat(r.getMetadata().getLabels())
                .as(r.getKind() + "/" + r.getMetadata().getName())
                .containsEntry("app.kubernetes.io/name", "beer-reco-batch")
                .containsEntry("environment", overlay));
    }
}
