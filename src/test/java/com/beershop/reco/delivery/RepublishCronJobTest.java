package com.beershop.reco.delivery;

import com.beershop.reco.ModeRunner;
import com.beershop.reco.outcome.ExitCodes;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static com.beershop.reco.delivery.Manifests.republishCronJob;
import static com.beershop.reco.delivery.Manifests.republishPod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suspended CronJob operators make a one-off Job from to undo a night ({@code kubectl create job
 * --from=cronjob/beer-reco-batch-republish}): it never runs by itself, runs the {@code republish} mode with the
 * nightly run's image, settings and Secret, and takes the run id from the environment, which such a Job can set.
 */
class RepublishCronJobTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldNeverRunOnItsOwnAndRepublishWithTheNightlyRunsImageAndSettings(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        CronJob republish = republishCronJob(rendered);
        Container container = onlyContainer(republishPod(rendered));
        Container nightly = onlyContainer(cronJobPod(rendered));

        // then
        assertThat(republish.getSpec().getSuspend()).as("suspended: only Jobs made from it by hand run").isTrue();
        assertThat(republish.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(republish.getMetadata().getNamespace()).isEqualTo(Manifests.cronJob(rendered).getMetadata().getNamespace());
        assertThat(container.getArgs()).as("the run id comes from the environment").containsExactly("republish");
        assertThat(ModeRunner.MODES).contains(container.getArgs().get(0));
        assertThat(container.getImage()).isEqualTo(nightly.getImage());
        assertThat(container.getEnvFrom()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(nightly.getEnvFrom());
        assertThat(container.getEnv()).usingRecursiveFieldByFieldElementComparator()
                .as("credentials from the Secret, as the nightly run's").isEqualTo(nightly.getEnv());
        assertThat(configMap(rendered)).as("no run id is set until an operator picks one")
                .doesNotContainKey("RECO_PUBLISH_REPUBLISH_RUN_ID");
        assertThat(republish.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("environment", overlay);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldRunAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(String overlay) {
        // given
        PodSpec pod = republishPod(Manifests.rendered(overlay));

        // when / then
        assertLockedDown(pod);
    }

    /** A one-off Job's pod: never restarted, non-root, read-only root, no privileges, /tmp only, limits set. */
    static void assertLockedDown(PodSpec pod) {
        Container container = onlyContainer(pod);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldBindTheRunIdAnOperatorSetsAndEveryOtherVariableToARealProperty(String overlay) {
        // given: the environment of a Job made from the CronJob, with the run id set on it
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        Map<String, String> environment = new LinkedHashMap<>(configMap(rendered));
        for (EnvVar var : onlyContainer(republishPod(rendered)).getEnv()) {
            environment.put(var.getName(), var.getValue() != null ? var.getValue() : "from-secret");
        }
        environment.put("RECO_PUBLISH_REPUBLISH_RUN_ID", "41");

        // when
        List<String> problems = ConfigurationKeys.problems(environment);

        // then
        assertThat(problems).isEmpty();
        assertThat(environment).containsEntry("RECO_PUBLISH_KEEP_GENERATIONS", "3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldFailTheJobAtOnceOnlyWhenARetryCannotHelp(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        JobSpec job = republishCronJob(rendered).getSpec().getJobTemplate().getSpec();

        // when
        List<PodFailurePolicyRule> failJob = job.getPodFailurePolicy().getRules().stream()
                .filter(r -> r.getAction().equals("FailJob")).toList();

        // then: a wrong or pruned run id, an old schema, a guard's refusal; infrastructure failures are retried
        assertThat(failJob).singleElement().satisfies(rule -> {
            assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(onlyContainer(republishPod(rendered)).getName());
            assertThat(rule.getOnExitCodes().getOperator()).isEqualTo("In");
            assertThat(rule.getOnExitCodes().getValues()).containsExactlyInAnyOrder(ExitCodes.CONFIGURATION,
                    ExitCodes.SCHEMA_NOT_CURRENT, ExitCodes.PUBLISH_REFUSED, ExitCodes.ANOTHER_RUN_ACTIVE);
            assertThat(rule.getOnExitCodes().getValues()).doesNotContain(ExitCodes.INFRASTRUCTURE, ExitCodes.OK);
        });
        assertThat(job.getPodFailurePolicy().getRules()).anySatisfy(rule -> {
            assertThat(rule.getAction()).isEqualTo("Ignore");
            assertThat(rule.getOnPodConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
        });
        assertThat(job.getBackoffLimit()).isPositive();
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
    }

    private static Map<String, String> configMap(List<HasMetadata> rendered) {
        return Manifests.ofKind(rendered, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("beer-reco-batch-config"))
                .findFirst().orElseThrow().getData();
    }
}
