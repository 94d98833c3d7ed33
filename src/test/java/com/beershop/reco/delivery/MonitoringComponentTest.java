package com.beershop.reco.delivery;

import com.beershop.reco.monitoring.RunSeries;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.beershop.reco.delivery.Manifests.CRONJOB;
import static org.assertj.core.api.Assertions.assertThat;

/** cronjob/monitoring as production renders it: the push switched on, the alert rules and the Grafana dashboard. */
class MonitoringComponentTest {

    static final Path DASHBOARD = CRONJOB.resolve("monitoring/dashboard.json");
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    static JsonNode dashboard() throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
    }

    static List<JsonNode> targets(JsonNode dashboard) {
        List<JsonNode> targets = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(targets::add));
        return targets;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    void shouldPushEachEnvironmentInAGroupOfItsOwn(String overlay) {
        // given
        List<HasMetadata> rendered = Manifests.rendered(overlay);

        // when
        Map<String, String> settings = Manifests.ofKind(rendered, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("beer-reco-batch-config")).findFirst().orElseThrow().getData();

        // then: staging is monitored too, and its series never overwrite production's in the shared Pushgateway
        assertThat(settings)
                .containsEntry("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED", "true")
                .containsKey("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS")
                .containsEntry("MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_GROUPINGKEY_ENVIRONMENT", overlay)
                .as("the base settings survive the merges").containsEntry("RECO_SCHEMA_MODE", "VALIDATE");
    }

    @Test
    void shouldRenderTheRuleTheServiceMonitorAndTheDashboardOnceInProductionForBothEnvironments() {
        // given
        List<HasMetadata> production = Manifests.rendered("production");
        List<HasMetadata> staging = Manifests.rendered("staging");

        // when
        List<GenericKubernetesResource> rules = Manifests.prometheusRules(production);
        ConfigMap dashboard = Manifests.ofKind(production, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("beer-reco-batch-dashboard")).findFirst().orElseThrow();

        // then: one rule and one scrape per cluster, or every series and alert would come twice
        assertThat(Manifests.ofKind(production, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("beer-reco-batch-config")).findFirst().orElseThrow().getData())
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.getMetadata().getName()).isEqualTo("beer-reco-batch");
            assertThat(r.getMetadata().getNamespace()).isEqualTo("beer-reco");
            assertThat(r.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        });
        assertThat(serviceMonitors(production)).hasSize(1);
        assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("beer-reco");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).containsOnlyKeys("beer-reco-batch.json");
        assertThat(Manifests.prometheusRules(staging)).isEmpty();
        assertThat(serviceMonitors(staging)).isEmpty();
    }

    @Test
    void shouldHaveThePushgatewayScrapedWithTheLabelsTheRunPushedAndTheReleaseLabelTheOperatorSelects() {
        // given
        GenericKubernetesResource monitor = serviceMonitors(Manifests.rendered("production")).get(0);

        // when
        JsonNode spec = Manifests.STRICT.valueToTree(monitor.getAdditionalProperties().get("spec"));

        // then
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(spec.path("selector").path("matchLabels").path("app.kubernetes.io/name").asString())
                .isEqualTo("prometheus-pushgateway");
        assertThat(spec.path("namespaceSelector").path("matchNames").get(0).asString()).isEqualTo("monitoring");
        assertThat(spec.path("endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.path("honorLabels").asBoolean()).as("keeps job and environment as pushed").isTrue();
            assertThat(endpoint.path("port").asString()).isEqualTo("http");
        });
    }

    private static List<GenericKubernetesResource> serviceMonitors(List<HasMetadata> rendered) {
        return Manifests.ofKind(rendered, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ServiceMonitor")).toList();
    }

    @Test
    void shouldShipTheDashboardFileUnchangedInTheConfigMap() throws Exception {
        // given
        ConfigMap dashboard = Manifests.ofKind(Manifests.rendered("production"), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("beer-reco-batch-dashboard")).findFirst().orElseThrow();

        // when
        JsonNode shipped = JsonMapper.builder().build().readTree(dashboard.getData().get("beer-reco-batch.json"));

        // then
        assertThat(shipped).isEqualTo(dashboard());
    }

    @Test
    void shouldGiveEveryPanelATitleAPlaceAndAQuery() throws Exception {
        // given
        JsonNode dashboard = dashboard();

        // when / then
        assertThat(dashboard.path("uid").asString()).isEqualTo("beer-reco-batch");
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(4);
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("title").asString()).isNotBlank();
            assertThat(panel.path("type").asString()).isIn("timeseries", "stat", "barchart", "table");
            assertThat(panel.path("gridPos").path("w").asInt()).isPositive();
            assertThat(panel.path("gridPos").path("h").asInt()).isPositive();
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString()).isNotBlank();
                assertThat(target.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void shouldChartNdcgAgainstMostPopularStepSecondsRowsAndRefusals() throws Exception {
        // given
        JsonNode dashboard = dashboard();

        // when: the series each panel queries
        List<Set<String>> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            Set<String> series = new TreeSet<>();
            panel.path("targets").forEach(t -> series.addAll(PrometheusRulesTest.recoSeriesIn(t.path("expr").asString())));
            panels.add(series);
        }

        // then
        assertThat(panels).anySatisfy(s -> assertThat(s).contains("reco_ndcg", "reco_baseline_ndcg"));
        assertThat(panels).anySatisfy(s -> assertThat(s).contains("reco_step_seconds"));
        assertThat(panels).anySatisfy(s -> assertThat(s).contains("reco_rows_published"));
        assertThat(panels).anySatisfy(s -> assertThat(s).contains("reco_run_outcome", "reco_gate_decision"));
    }

    @Test
    void shouldQueryOnlySeriesAndLabelsTheJobPushes() throws Exception {
        // given
        Set<String> labels = new TreeSet<>(Set.of("job", "instance"));
        for (RunSeries series : RunSeries.values()) {
            labels.addAll(series.labels());
        }

        // when / then
        for (JsonNode target : targets(dashboard())) {
            String expr = target.path("expr").asString();
            assertThat(PrometheusRulesTest.recoSeriesIn(expr)).as(expr).isNotEmpty().isSubsetOf(RunSeries.prometheusNames());
            Matcher legend = LEGEND_LABEL.matcher(target.path("legendFormat").asString());
            while (legend.find()) {
                assertThat(labels).as("legend of " + expr).contains(legend.group(1));
            }
        }
    }

    @Test
    void shouldParseEveryDashboardQueryWithPrometheusOwnParser(@TempDir Path directory) throws Exception {
        // given: each query as a recording rule, so promtool's PromQL parser checks it
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        int n = 0;
        for (JsonNode target : targets(dashboard())) {
            ObjectNode rule = rules.addObject();
            rule.put("record", "dashboard:query_" + n++);
            rule.put("expr", target.path("expr").asString());
        }
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.putArray("groups").addObject().put("name", "dashboard").set("rules", rules);
        Files.writeString(directory.resolve("dashboard-queries.yaml"), Manifests.STRICT.writeValueAsString(file));

        // when
        Promtool.Result result = Promtool.run(directory, "check", "rules", "dashboard-queries.yaml");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
    }
}
