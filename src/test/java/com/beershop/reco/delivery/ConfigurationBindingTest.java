package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.checkPod;
import static com.beershop.reco.delivery.Manifests.migratePod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

/** Every environment variable the manifests set is a property the application really reads. */
class ConfigurationBindingTest {

    /** Env var name to value (secret references stand in with a placeholder) for one pod, ConfigMap included. */
    private static Map<String, String> environmentOf(PodSpec pod, List<HasMetadata> rendered) {
        Map<String, String> environment = new LinkedHashMap<>();
        var container = onlyContainer(pod);
        if (container.getEnvFrom() != null) {
            container.getEnvFrom().forEach(from -> Manifests.ofKind(rendered, ConfigMap.class).stream()
                    .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                    .forEach(c -> environment.putAll(c.getData())));
        }
        for (EnvVar var : container.getEnv()) {
            environment.put(var.getName(), var.getValue() != null ? var.getValue() : "from-secret");
        }
        return environment;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldBindEveryVariableOfTheCronJobAndTheHookToARealProperty(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        Map<String, String> run = environmentOf(cronJobPod(rendered), rendered);
        Map<String, String> migrate = environmentOf(migratePod(rendered), rendered);
        Map<String, String> check = environmentOf(checkPod(rendered), rendered);

        // then
        assertThat(run).containsKeys("RECO_MODEL_ALGORITHM", "RECO_SCHEMA_MODE", "SPRING_DATASOURCE_URL");
        assertThat(ConfigurationKeys.problems(run)).as("run pod").isEmpty();
        assertThat(ConfigurationKeys.problems(migrate)).as("migrate pod").isEmpty();
        assertThat(ConfigurationKeys.problems(check)).as("check pod").isEmpty();
    }

    @Test
    void shouldFindAllTwelveConfigurationRecordsOfTheApplication() {
        // when / then: the check above is only as good as the records it binds
        assertThat(ConfigurationKeys.recordsByPrefix()).containsOnlyKeys("reco.inventory", "reco.input", "reco.model",
                "reco.evaluation", "reco.scoring", "reco.publish", "reco.gate", "reco.schema", "reco.sample-data", "reco.job",
                "reco.selection", "reco.tracking");
    }

    @Test
    void shouldRefuseAMisspelledPropertyUnderAKnownPrefix() {
        // given
        Map<String, String> environment = Map.of("RECO_MODEL_ALGORITM", "ials");

        // when
        List<String> problems = ConfigurationKeys.problems(environment);

        // then
        assertThat(problems).singleElement().asString().startsWith("RECO_MODEL_ALGORITM:");
    }

    @Test
    void shouldRefuseAMisspelledPrefix() {
        // given
        Map<String, String> environment = Map.of("RECO_MODLE_ALGORITHM", "ials");

        // when / then
        assertThat(ConfigurationKeys.problems(environment)).singleElement().asString().contains("RECO_MODLE_ALGORITHM");
    }

    @Test
    void shouldRefuseAValueTheRecordRejects() {
        // given: top-n must lie in 1..1000
        Map<String, String> environment = Map.of("RECO_SCORING_TOP_N", "5000");

        // when / then
        assertThat(ConfigurationKeys.problems(environment)).singleElement().asString().contains("reco.scoring");
    }

    @Test
    void shouldRefuseAnUnknownSpringOrOtherVariable() {
        // given
        Map<String, String> environment = Map.of("SPRING_DATASOURCE_PASWORD", "x", "JAVA_TOOL_OPTIONS", "-Xmx1g");

        // when / then
        assertThat(ConfigurationKeys.problems(environment)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("SPRING_DATASOURCE_PASWORD"))
                .anySatisfy(p -> assertThat(p).contains("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void shouldAcceptDashedNestedMapAndLoggingProperties() {
        // given
        Map<String, String> environment = Map.of(
                "RECO_SCHEMA_INVENTORY_DDL", "VALIDATE",
                "RECO_SAMPLE_DATA_SEED", "NEVER",
                "RECO_INVENTORY_RATINGS_USER_COLUMN", "customer_id",
                "RECO_MODEL_PARAMS_FACTORS", "64",
                "RECO_EVALUATION_CANDIDATES", "ials,ease",
                "RECO_JOB_STALE_AFTER", "PT2H",
                "SPRING_PROFILES_ACTIVE", "prod",
                "LOGGING_LEVEL_COM_BEERSHOP_RECO", "DEBUG",
                "MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_GROUPINGKEY_ENVIRONMENT", "staging");

        // when / then
        assertThat(ConfigurationKeys.problems(environment)).isEmpty();
    }

    @Test
    void shouldRefuseADashedMapPropertyWrittenWithAnUnderscoreWhichBindsToNothing() {
        // given: grouping-key is a Map; Boot binds GROUPINGKEY_ENVIRONMENT to it, GROUPING_KEY_ENVIRONMENT to nothing
        Map<String, String> environment = Map.of("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_GROUPING_KEY_ENVIRONMENT", "staging");

        // when / then
        assertThat(ConfigurationKeys.problems(environment)).singleElement().asString().contains("GROUPING_KEY_ENVIRONMENT");
    }
}
