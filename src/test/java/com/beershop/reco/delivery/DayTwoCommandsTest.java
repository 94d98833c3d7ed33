package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day-2 commands of docs/operations.md, run here on the rendered objects. The first stage of a pipe,
 * {@code kubectl create job --from=cronjob/... --dry-run=client -o yaml}, reads the CronJob from the cluster; the
 * test stands in the Job it prints (the CronJob's jobTemplate under a Job's header) and runs the rest as written.
 */
class DayTwoCommandsTest {

    static final String OVERRIDE_PIPE = "  | kubectl set env --local -f - RECO_GATE_OVERRIDE=\"$OVERRIDE\" -o yaml \\";
    static final String REPORT_PIPE = "  | kubectl patch --local -f - --type=json -o yaml"
            + " -p '[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/args\",\"value\":[\"report\"]}]' \\";
    static final String SCHEDULE_CHANGE =
            "sed -i 's|^  schedule: \"30 3 \\* \\* \\*\"|  schedule: \"0 4 * * *\"|' cronjob/overlays/production/cronjob-patch.yaml";
    static final String SECRET_IN_PLACE = """
            kubectl -n beer-reco create secret generic inventorydb-credentials \\
              --from-literal=url="$URL" --from-literal=username="$LOGIN" --from-literal=password="$PASSWORD" \\
              --dry-run=client -o yaml""";

    static final String PIN_DIGEST = "sed -i \"s|^    newTag: .*|    digest: $DIGEST|\" cronjob/overlays/production/kustomization.yaml";

    /** What {@code kubectl create job --from=cronjob/<name>} prints for a rendered CronJob. */
    private static Path jobFrom(CronJob cronJob, Path directory) throws Exception {
        ObjectNode job = Manifests.STRICT.createObjectNode();
        job.put("apiVersion", "batch/v1").put("kind", "Job");
        job.putObject("metadata").put("name", "beer-reco-manual").put("namespace", cronJob.getMetadata().getNamespace());
        job.set("spec", Manifests.STRICT.valueToTree(cronJob.getSpec().getJobTemplate().getSpec()));
        Path file = directory.resolve("job.yaml");
        Files.writeString(file, Manifests.STRICT.writeValueAsString(job));
        return file;
    }

    /** One stage of a documented pipe, its input from {@code file}. */
    private static Job stage(Path directory, Path file, String documentedStage, String variables) {
        String command = documentedStage.strip().replaceFirst("^\\| ", "").replaceFirst(" \\\\$", "");
        String yaml = RepoCopy.run(directory, variables + "; cat " + file.getFileName() + " | " + command);
        return (Job) Manifests.typed(Manifests.documents(yaml).get(0));
    }

    @Test
    void shouldStartTheOverrideAt3amAsAOneOffJobOfTheNightlyCronJob(@TempDir Path directory) throws Exception {
        // given
        CronJob night = Manifests.cronJob(Manifests.rendered("production"));
        Path job = jobFrom(night, directory);

        // when
        Job override = stage(directory, job, OVERRIDE_PIPE, "OVERRIDE='25000:3f2a9c0d11e4b7a2'");
        List<EnvVar> env = onlyContainer(override.getSpec().getTemplate().getSpec()).getEnv();

        // then: the night's image, settings and Secret, plus the one-shot override (a real property)
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RECO_GATE_OVERRIDE");
            assertThat(e.getValue()).isEqualTo("25000:3f2a9c0d11e4b7a2");
        });
        assertThat(ConfigurationKeys.problems(Map.of("RECO_GATE_OVERRIDE", "25000:3f2a9c0d11e4b7a2"))).isEmpty();
        assertThat(override.getSpec().getTemplate().getSpec())
                .usingRecursiveComparison().ignoringFields("containers").isEqualTo(Manifests.cronJobPod(List.<HasMetadata>of(night)));
        assertThat(onlyContainer(override.getSpec().getTemplate().getSpec()).getImage())
                .isEqualTo(onlyContainer(Manifests.cronJobPod(List.<HasMetadata>of(night))).getImage());
    }

    @Test
    void shouldRunTheReportWithTheCronJobsOwnImageSettingsAndSecret(@TempDir Path directory) throws Exception {
        // given
        CronJob night = Manifests.cronJob(Manifests.rendered("production"));
        Path job = jobFrom(night, directory);

        // when
        Job report = stage(directory, job, REPORT_PIPE, "true");

        // then
        var container = onlyContainer(report.getSpec().getTemplate().getSpec());
        var nightly = onlyContainer(Manifests.cronJobPod(List.<HasMetadata>of(night)));
        assertThat(container.getArgs()).containsExactly("report");
        assertThat(container.getImage()).isEqualTo(nightly.getImage()).doesNotEndWith(":latest");
        assertThat(container.getEnvFrom()).isEqualTo(nightly.getEnvFrom());
        assertThat(container.getEnv()).isEqualTo(nightly.getEnv());
    }

    @Test
    void shouldChangeTheScheduleWithOneLineInTheOverlaysPatch(@TempDir Path scratch) {
        // given
        Path root = RepoCopy.of(scratch);

        // when
        RepoCopy.run(root, SCHEDULE_CHANGE);
        List<HasMetadata> rendered = Manifests.rendered(root.resolve("cronjob/overlays/production"));

        // then
        assertThat(Manifests.cronJob(rendered).getSpec().getSchedule()).isEqualTo("0 4 * * *");
        assertThat(Manifests.cronJob(rendered).getSpec().getTimeZone()).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void shouldPinEveryPodOfTheOverlayToTheImagesDigest(@TempDir Path scratch) {
        // given
        Path root = RepoCopy.of(scratch);
        String digest = "sha256:" + "0123456789abcdef".repeat(4);

        // when
        RepoCopy.run(root, "DIGEST=" + digest + " && " + PIN_DIGEST);
        List<HasMetadata> rendered = Manifests.rendered(root.resolve("cronjob/overlays/production"));

        // then: the run, the three other CronJobs (republish, rehearse, select) and both hooks
        assertThat(Components.pods(rendered)).hasSize(6).allSatisfy((name, pod) -> assertThat(onlyContainer(pod).getImage())
                .as(name).isEqualTo("beershop.azurecr.io/beer-reco-batch@" + digest));
    }

    @Test
    void shouldReplaceTheSecretInPlaceRatherThanDeleteAndCreateIt(@TempDir Path directory) {
        // given
        String variables = "URL='jdbc:sqlserver://db:1433;databaseName=InventoryDB'; LOGIN=reco_job_b; PASSWORD='n3w-Secret!'";

        // when: the stage before `| kubectl apply -f -`
        String yaml = RepoCopy.run(directory, variables + "; " + SECRET_IN_PLACE.replace("\\\n", " "));
        Secret secret = (Secret) Manifests.typed(Manifests.documents(yaml).get(0));

        // then
        assertThat(secret.getMetadata().getName()).isEqualTo("inventorydb-credentials");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("beer-reco");
        assertThat(secret.getData()).containsOnlyKeys("url", "username", "password");
        assertThat(decoded(secret, "url")).isEqualTo("jdbc:sqlserver://db:1433;databaseName=InventoryDB");
        assertThat(decoded(secret, "username")).isEqualTo("reco_job_b");
        assertThat(decoded(secret, "password")).isEqualTo("n3w-Secret!");
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void shouldGiveTheOperatorJobsToStartAndStopButNoSecretsAndNoLastingChanges() {
        // given
        Role role = (Role) Manifests.typed(Manifests.documents(Manifests.CRONJOB.resolve("rbac/operator-role.yaml")).get(0));

        // when
        List<PolicyRule> rules = role.getRules();

        // then
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.getResources()).containsExactly("jobs");
            assertThat(r.getVerbs()).contains("create", "delete");
        });
        assertThat(rules).anySatisfy(r -> assertThat(r.getResources()).contains("pods/log"));
        assertThat(rules).noneMatch(r -> r.getResources().contains("secrets"));
        assertThat(rules).filteredOn(r -> r.getResources().contains("cronjobs") || r.getResources().contains("configmaps"))
                .allSatisfy(r -> assertThat(r.getVerbs()).containsOnly("get", "list", "watch"));
    }

    @Test
    void shouldGiveOperatorsTheCommandsTheseTestsRun() {
        // given
        String operations = RepoCopy.read(Manifests.REPO.resolve("docs/operations.md"));

        // when / then: as written there, give or take the indentation of a list item
        assertThat(List.of(OVERRIDE_PIPE, REPORT_PIPE, SCHEDULE_CHANGE, SECRET_IN_PLACE, PIN_DIGEST))
                .allSatisfy(command -> assertThat(operations.replaceAll("\\s+", " "))
                        .contains(command.strip().replaceAll("\\s+", " ")));
    }
}
