package com.beershop.reco.delivery;

import com.beershop.reco.ModeRunner;
import com.beershop.reco.outcome.ExitCodes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.beershop.reco.delivery.Manifests.cronJob;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static com.beershop.reco.delivery.Manifests.rehearseCronJob;
import static com.beershop.reco.delivery.Manifests.rehearsePod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suspended CronJob operators make a one-off Job from to rehearse a night ({@code kubectl create job
 * --from=cronjob/beer-reco-batch-rehearse}): it never runs by itself, and runs the {@code rehearse} mode exactly as
 * the night would run: the nightly run's image, settings, Secret, memory and deadline.
 */
class RehearseCronJobTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldNeverRunOnItsOwnAndRehearseWithTheNightlyRunsImageSettingsAndResources(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        CronJob rehearse = rehearseCronJob(rendered);
        Container container = onlyContainer(rehearsePod(rendered));
        Container nightly = onlyContainer(cronJobPod(rendered));

        // then
        assertThat(rehearse.getSpec().getSuspend()).as("suspended: only Jobs made from it by hand run").isTrue();
        assertThat(rehearse.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(rehearse.getMetadata().getNamespace()).isEqualTo(cronJob(rendered).getMetadata().getNamespace());
        assertThat(container.getArgs()).containsExactly("rehearse");
        assertThat(ModeRunner.MODES).contains(container.getArgs().get(0));
        assertThat(container.getImage()).isEqualTo(nightly.getImage());
        assertThat(container.getEnvFrom()).usingRecursiveFieldByFieldElementComparator().isEqualTo(nightly.getEnvFrom());
        assertThat(container.getEnv()).usingRecursiveFieldByFieldElementComparator()
                .as("credentials from the Secret, as the nightly run's").isEqualTo(nightly.getEnv());
        assertThat(container.getResources()).as("it trains like a night: this overlay's nightly resources")
                .isEqualTo(nightly.getResources());
        JobSpec job = rehearse.getSpec().getJobTemplate().getSpec();
        assertThat(job.getActiveDeadlineSeconds())
                .isEqualTo(cronJob(rendered).getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds());
        assertThat(job.getTemplate().getMetadata().getLabels()).containsEntry("environment", overlay);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldRunAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(String overlay) {
        // given
        PodSpec pod = rehearsePod(Manifests.rendered(overlay));

        // when / then
        RepublishCronJobTest.assertLockedDown(pod);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldFailTheJobAtOnceOnTheNightsVerdictAndRetryOnlyWhatARetryCanChange(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        JobSpec job = rehearseCronJob(rendered).getSpec().getJobTemplate().getSpec();
        JobSpec nightly = cronJob(rendered).getSpec().getJobTemplate().getSpec();

        // when
        List<PodFailurePolicyRule> failJob = job.getPodFailurePolicy().getRules().stream()
                .filter(r -> r.getAction().equals("FailJob")).toList();

        // then: the same codes fail at once as for the night it rehearses
        assertThat(failJob).singleElement().satisfies(rule -> {
            assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(onlyContainer(rehearsePod(rendered)).getName());
            assertThat(rule.getOnExitCodes().getValues()).containsExactlyInAnyOrderElementsOf(
                    nightly.getPodFailurePolicy().getRules().stream().filter(r -> r.getAction().equals("FailJob"))
                            .findFirst().orElseThrow().getOnExitCodes().getValues());
            assertThat(rule.getOnExitCodes().getValues()).contains(ExitCodes.DATABASE_UNFIT)
                    .doesNotContain(ExitCodes.INFRASTRUCTURE, ExitCodes.OK);
        });
        assertThat(job.getPodFailurePolicy().getRules()).anySatisfy(rule -> {
            assertThat(rule.getAction()).isEqualTo("Ignore");
            assertThat(rule.getOnPodConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
        });
    }
}
