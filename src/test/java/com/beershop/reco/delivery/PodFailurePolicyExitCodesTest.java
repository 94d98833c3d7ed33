package com.beershop.reco.delivery;

import com.beershop.reco.outcome.ExitCodes;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.beershop.reco.delivery.Manifests.cronJob;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** The CronJob's retry decisions follow the exit codes the application really uses. */
class PodFailurePolicyExitCodesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldFailTheJobAtOnceOnlyWhenARetryCannotHelp(String overlay) {
        // given
        var jobSpec = cronJob(Manifests.rendered(overlay)).getSpec().getJobTemplate().getSpec();
        PodFailurePolicy policy = jobSpec.getPodFailurePolicy();

        // when
        List<PodFailurePolicyRule> failJob = policy.getRules().stream().filter(r -> r.getAction().equals("FailJob")).toList();

        // then
        assertThat(failJob).singleElement().satisfies(rule -> {
            assertThat(rule.getOnExitCodes().getOperator()).isEqualTo("In");
            assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo(onlyContainer(cronJobPod(Manifests.rendered(overlay))).getName());
            assertThat(rule.getOnExitCodes().getValues()).containsExactlyInAnyOrder(ExitCodes.CONFIGURATION,
                    ExitCodes.REJECTED_INPUT, ExitCodes.QUALITY_REFUSED, ExitCodes.SCHEMA_NOT_CURRENT,
                    ExitCodes.PUBLISH_REFUSED, ExitCodes.ANOTHER_RUN_ACTIVE, ExitCodes.DATABASE_UNFIT,
                    ExitCodes.OUT_OF_MEMORY);
        });
        assertThat(jobSpec.getBackoffLimit()).isPositive();
        assertThat(jobSpec.getTemplate().getSpec().getRestartPolicy()).as("podFailurePolicy needs Never").isEqualTo("Never");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldCountInfrastructureAndUnexpectedFailuresTowardTheBackoffLimit(String overlay) {
        // given
        PodFailurePolicy policy = cronJob(Manifests.rendered(overlay)).getSpec().getJobTemplate().getSpec().getPodFailurePolicy();

        // when: no exit-code rule mentions them, so the default action (Count) applies
        List<Integer> codesWithARule = policy.getRules().stream().filter(r -> r.getOnExitCodes() != null)
                .flatMap(r -> r.getOnExitCodes().getValues().stream()).toList();

        // then
        assertThat(codesWithARule).doesNotContain(ExitCodes.INFRASTRUCTURE, ExitCodes.UNEXPECTED, ExitCodes.OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldIgnoreDisruptedPods(String overlay) {
        // given
        PodFailurePolicy policy = cronJob(Manifests.rendered(overlay)).getSpec().getJobTemplate().getSpec().getPodFailurePolicy();

        // when / then
        assertThat(policy.getRules()).anySatisfy(rule -> {
            assertThat(rule.getAction()).isEqualTo("Ignore");
            assertThat(rule.getOnPodConditions()).singleElement().satisfies(c -> {
                assertThat(c.getType()).isEqualTo("DisruptionTarget");
                assertThat(c.getStatus()).isEqualTo("True");
            });
        });
    }
}
