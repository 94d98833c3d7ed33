package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.beershop.reco.delivery.ArgoCdSync.stepOf;
import static com.beershop.reco.delivery.Manifests.cronJob;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered overlays synced in ArgoCD's order: every hook reads the configuration of the sync it guards, a failed
 * hook leaves the CronJobs as they were, and a pause or a rollback lands while every hook would fail, by the very
 * commands docs/operations.md gives.
 */
class SyncOrderTest {

    static final String PAUSE =
            "sed -i 's|^  # - ../../components/pause |  - ../../components/pause |' cronjob/overlays/production/kustomization.yaml";
    static final String RESUME =
            "sed -i 's|^  - ../../components/pause |  # - ../../components/pause |' cronjob/overlays/production/kustomization.yaml";
    static final String SKIP_HOOKS =
            "sed -i 's|^  # - ../../components/skip-hooks |  - ../../components/skip-hooks |' cronjob/overlays/production/kustomization.yaml";
    static final String RUN_HOOKS_AGAIN =
            "sed -i 's|^  - ../../components/skip-hooks |  # - ../../components/skip-hooks |' cronjob/overlays/production/kustomization.yaml";
    /** A rollback is `git revert` of the promotion commit; on the copy, the same change to the tag. */
    private static final String ROLLBACK_TAG =
            "sed -i 's|newTag: \"1.0.0\"|newTag: \"0.9.0\"|' cronjob/overlays/production/kustomization.yaml";

    static List<Job> hooks(List<HasMetadata> rendered) {
        return Manifests.ofKind(rendered, Job.class).stream().filter(ArgoCdSync::isHook).toList();
    }

    private static Set<String> hookNames(List<HasMetadata> rendered) {
        return hooks(rendered).stream().map(j -> j.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** ConfigMaps a pod reads, through envFrom, env or volumes. */
    static Set<String> configMapsReadBy(PodSpec pod) {
        Set<String> names = new TreeSet<>();
        for (Container container : pod.getContainers()) {
            container.getEnvFrom().stream().filter(e -> e.getConfigMapRef() != null)
                    .forEach(e -> names.add(e.getConfigMapRef().getName()));
            container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getConfigMapKeyRef().getName()));
        }
        pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).forEach(v -> names.add(v.getConfigMap().getName()));
        return names;
    }

    /** Secrets a pod reads, through envFrom, env or volumes. */
    static Set<String> secretsReadBy(PodSpec pod) {
        Set<String> names = new TreeSet<>();
        for (Container container : pod.getContainers()) {
            container.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                    .forEach(e -> names.add(e.getSecretRef().getName()));
            container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
        }
        pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> names.add(v.getSecret().getSecretName()));
        return names;
    }

    /** The Secret an ExternalSecret writes: spec.target.name, or its own name. */
    static String externalSecretTarget(GenericKubernetesResource externalSecret) {
        Object spec = externalSecret.getAdditionalProperties().get("spec");
        Object target = spec instanceof Map<?, ?> m ? m.get("target") : null;
        Object name = target instanceof Map<?, ?> t ? t.get("name") : null;
        return name == null ? externalSecret.getMetadata().getName() : name.toString();
    }

    /**
     * Asserts that whatever each hook reads from the cluster and the sync itself ships (a ConfigMap, the Secret an
     * ExternalSecret writes) is applied in an earlier wave than the hook.
     */
    static void assertHooksReadWhatTheSyncAppliedBefore(List<HasMetadata> rendered) {
        Map<String, HasMetadata> configMaps = Manifests.ofKind(rendered, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        Map<String, HasMetadata> secretWriters = Manifests.ofKind(rendered, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ExternalSecret"))
                .collect(Collectors.toMap(SyncOrderTest::externalSecretTarget, r -> r));
        assertThat(hooks(rendered)).isNotEmpty();
        for (Job hook : hooks(rendered)) {
            PodSpec pod = hook.getSpec().getTemplate().getSpec();
            Set<String> read = configMapsReadBy(pod);
            assertThat(read).as("%s reads the job's settings", hook.getMetadata().getName()).contains("beer-reco-batch-config");
            for (String name : read) {
                assertThat(configMaps).as("ConfigMap %s is part of the sync", name).containsKey(name);
                assertThat(stepOf(configMaps.get(name))).as("ConfigMap %s before hook %s", name, hook.getMetadata().getName())
                        .isLessThan(stepOf(hook));
            }
            for (String secret : secretsReadBy(pod)) {
                if (secretWriters.containsKey(secret)) {
                    assertThat(stepOf(secretWriters.get(secret))).as("ExternalSecret of %s before hook %s", secret,
                            hook.getMetadata().getName()).isLessThan(stepOf(hook));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldApplyTheConfigMapAHookReadsInAnEarlierWaveOfTheSameSync(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        List<HasMetadata> order = ArgoCdSync.sync(rendered, Set.of()).applied();
        List<String> names = order.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();

        // then
        assertHooksReadWhatTheSyncAppliedBefore(rendered);
        assertThat(names).containsSubsequence("ConfigMap/beer-reco-batch-config", "Job/beer-reco-batch-migrate",
                "Job/beer-reco-batch-check", "CronJob/beer-reco-batch");
        assertThat(names.indexOf("CronJob/beer-reco-batch-republish")).isGreaterThan(names.indexOf("Job/beer-reco-batch-check"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"beer-reco-batch-migrate", "beer-reco-batch-check"})
    void shouldLeaveTheCronJobsAsTheyWereWhenAHookFails(String failingHook) {
        // given
        List<HasMetadata> rendered = Manifests.rendered("production");

        // when
        ArgoCdSync.Outcome outcome = ArgoCdSync.sync(rendered, Set.of(failingHook));

        // then: the settings landed (the fix a FAILED line asks for is a new commit), the night's CronJob did not
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.applied("ConfigMap", "beer-reco-batch-config")).isTrue();
        assertThat(outcome.applied("Job", failingHook)).isTrue();
        assertThat(outcome.applied("CronJob", "beer-reco-batch")).isFalse();
        assertThat(outcome.applied("CronJob", "beer-reco-batch-republish")).isFalse();
    }

    @Test
    void shouldLandAPauseWhileEveryHookWouldFailAndRunTheHooksAgainOnResume(@TempDir Path scratch) {
        // given: production as it is, and every hook of it failing (the database is down)
        Set<String> everyHook = hookNames(Manifests.rendered("production"));
        Path root = RepoCopy.of(scratch);
        Path overlay = root.resolve("cronjob/overlays/production");

        // when
        RepoCopy.run(root, PAUSE);
        List<HasMetadata> paused = Manifests.rendered(overlay);
        ArgoCdSync.Outcome pause = ArgoCdSync.sync(paused, everyHook);
        RepoCopy.run(root, RESUME);
        List<HasMetadata> resumed = Manifests.rendered(overlay);

        // then
        assertThat(everyHook).containsExactlyInAnyOrder("beer-reco-batch-migrate", "beer-reco-batch-check");
        assertThat(hooks(paused)).as("no hook touches the database in the pausing sync").isEmpty();
        assertThat(pause.succeeded()).isTrue();
        assertThat(pause.applied("CronJob", "beer-reco-batch")).isTrue();
        assertThat(cronJob(paused).getSpec().getSuspend()).isTrue();
        assertThat(Manifests.republishCronJob(paused).getSpec().getSuspend()).isTrue();
        assertThat(hookNames(resumed)).isEqualTo(everyHook);
        assertThat(cronJob(resumed).getSpec().getSuspend()).as("resumed").isNotEqualTo(Boolean.TRUE);
        assertThat(RepoCopy.read(overlay.resolve("kustomization.yaml")))
                .isEqualTo(RepoCopy.read(Manifests.CRONJOB.resolve("overlays/production/kustomization.yaml")));
    }

    @Test
    void shouldLandARollbackWhileEveryHookWouldFail(@TempDir Path scratch) {
        // given
        Set<String> everyHook = hookNames(Manifests.rendered("production"));
        Path root = RepoCopy.of(scratch);

        // when
        RepoCopy.run(root, SKIP_HOOKS);
        RepoCopy.run(root, ROLLBACK_TAG);
        List<HasMetadata> rollback = Manifests.rendered(root.resolve("cronjob/overlays/production"));
        ArgoCdSync.Outcome outcome = ArgoCdSync.sync(rollback, everyHook);
        RepoCopy.run(root, RUN_HOOKS_AGAIN);
        List<HasMetadata> next = Manifests.rendered(root.resolve("cronjob/overlays/production"));

        // then
        assertThat(hooks(rollback)).isEmpty();
        assertThat(outcome.succeeded()).isTrue();
        CronJob night = cronJob(rollback);
        assertThat(outcome.applied("CronJob", "beer-reco-batch")).isTrue();
        assertThat(onlyContainer(night.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()).getImage())
                .isEqualTo("beershop.azurecr.io/beer-reco-batch:0.9.0");
        assertThat(night.getSpec().getSuspend()).as("a rollback does not pause").isNotEqualTo(Boolean.TRUE);
        assertThat(hookNames(next)).as("the next commit migrates and checks the rolled-back image").isEqualTo(everyHook);
    }

    @Test
    void shouldGiveOperatorsTheCommandsTheseTestsRun() {
        // given
        String operations = RepoCopy.read(Manifests.REPO.resolve("docs/operations.md"));

        // when
        List<String> commands = new ArrayList<>(List.of(PAUSE, RESUME, SKIP_HOOKS, RUN_HOOKS_AGAIN));

        // then
        assertThat(commands).allSatisfy(command -> assertThat(operations).contains(command));
    }
}
