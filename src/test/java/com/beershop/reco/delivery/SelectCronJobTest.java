package com.beershop.reco.delivery;

import com.beershop.reco.ModeRunner;
import com.beershop.reco.outcome.ExitCodes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static com.beershop.reco.delivery.Manifests.cronJob;
import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static com.beershop.reco.delivery.Manifests.selectCronJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly CronJob that tunes: it runs the {@code select} mode with the nightly run's image, settings, Secret and
 * resources, once a week, and the pause switch stops it with the night.
 */
class SelectCronJobTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldSelectOnceAWeekWithTheNightlyRunsImageSettingsAndResources(String overlay) {
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        CronJob select = selectCronJob(rendered);
        Container container = onlyContainer(select.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
        Container nightly = onlyContainer(cronJobPod(rendered));

        assertThat(select.getSpec().getSuspend()).as("runs on its schedule").isNotEqualTo(Boolean.TRUE);
        assertThat(select.getSpec().getSchedule()).as("weekly: one day of the week").matches("\\d+ \\d+ \\* \\* [0-6]");
        assertThat(select.getSpec().getTimeZone()).isEqualTo(cronJob(rendered).getSpec().getTimeZone());
        assertThat(select.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(container.getArgs()).containsExactly("select");
        assertThat(ModeRunner.MODES).contains(container.getArgs().get(0));
        assertThat(container.getImage()).isEqualTo(nightly.getImage());
        assertThat(container.getEnvFrom()).usingRecursiveFieldByFieldElementComparator().isEqualTo(nightly.getEnvFrom());
        assertThat(container.getEnv()).usingRecursiveFieldByFieldElementComparator().isEqualTo(nightly.getEnv());
        assertThat(container.getResources()).as("it trains like a night").isEqualTo(nightly.getResources());
        RepublishCronJobTest.assertLockedDown(select.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
        List<PodFailurePolicyRule> failJob = select.getSpec().getJobTemplate().getSpec().getPodFailurePolicy()
                .getRules().stream().filter(r -> r.getAction().equals("FailJob")).toList();
        assertThat(failJob).singleElement().satisfies(rule -> assertThat(rule.getOnExitCodes().getValues())
                .contains(ExitCodes.CONFIGURATION, ExitCodes.DATABASE_UNFIT)
                .doesNotContain(ExitCodes.INFRASTRUCTURE, ExitCodes.OK));
    }

    @Test
    void shouldBeSuspendedWithTheNightWhenTheOverlayPauses(@TempDir Path scratch) {
        List<HasMetadata> paused = Components.production(scratch, List.of("pause"));

        assertThat(cronJob(paused).getSpec().getSuspend()).isTrue();
        assertThat(selectCronJob(paused).getSpec().getSuspend()).as("no selection against a database under"
                + " maintenance").isTrue();
    }
}
