package com.beershop.reco.delivery;

import com.beershop.reco.config.JobProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** On SIGTERM a pod of this job waits for its step to end; Kubernetes must not SIGKILL it while it does. */
class GracePeriodTest {

    private static final Duration TO_RECORD_AND_EXIT = Duration.ofSeconds(15);
    private static final String STOP_TIMEOUT_VARIABLE = "RECO_JOB_STOP_TIMEOUT";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldGiveEveryPodMoreTimeToStopThanTheRunWaitsForItsStep(String overlay) throws Exception {
        // given: every pod the overlay can start, the nightly run, the hooks, republish and any other CronJob
        List<HasMetadata> rendered = Manifests.rendered(overlay);
        Map<String, PodSpec> pods = Components.pods(rendered);

        // when: the ConfigMap's value if the overlay sets one, the application's default otherwise
        Duration stopTimeout = Duration.parse(Manifests.ofKind(rendered, ConfigMap.class).stream()
                .map(c -> c.getData().get(STOP_TIMEOUT_VARIABLE)).filter(Objects::nonNull).findFirst()
                .orElse(defaultOf("stopTimeout")));

        // then
        assertThat(pods).containsKeys("beer-reco-batch", "beer-reco-batch-republish", "beer-reco-batch-migrate",
                "beer-reco-batch-check");
        pods.forEach((name, pod) -> {
            assertThat(onlyContainer(pod).getEnv()).as(name).noneMatch(e -> e.getName().equals(STOP_TIMEOUT_VARIABLE));
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + ": terminationGracePeriodSeconds").isNotNull();
            assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())).as(name)
                    .isGreaterThanOrEqualTo(stopTimeout.plus(TO_RECORD_AND_EXIT));
        });
    }

    private static String defaultOf(String component) throws NoSuchMethodException {
        var constructor = JobProperties.class.getDeclaredConstructors()[0];
        var names = Arrays.stream(JobProperties.class.getRecordComponents()).map(c -> c.getName()).toList();
        return constructor.getParameters()[names.indexOf(component)].getAnnotation(DefaultValue.class).value()[0];
    }
}
