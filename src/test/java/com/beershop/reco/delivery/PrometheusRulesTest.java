package com.beershop.reco.delivery;

import com.beershop.reco.monitoring.RunSeries;
import com.beershop.reco.docs.MarkdownLinkChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.beershop.reco.delivery.Manifests.CRONJOB;
import static org.assertj.core.api.Assertions.assertThat;

/** cronjob/monitoring's alert rules, checked and unit-tested by promtool on hand-made series. */
class PrometheusRulesTest {

    static final Path RULE_FILE = CRONJOB.resolve("monitoring/prometheus-rule.yaml");
    static final Pattern RECO_SERIES = Pattern.compile("\\breco_[a-z_]+\\b");

    /** The rule groups as a plain Prometheus rule file, which is what promtool reads. */
    static Path writeRuleFile(Path directory) throws Exception {
        JsonNode rule = Manifests.documents(RULE_FILE).get(0);
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.set("groups", rule.path("spec").path("groups"));
        Path rules = directory.resolve("rules.yaml");
        Files.writeString(rules, Manifests.STRICT.writeValueAsString(file));
        return rules;
    }

    static Set<String> recoSeriesIn(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = RECO_SERIES.matcher(promql);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    @Test
    void shouldPassPromtoolCheckRules(@TempDir Path directory) throws Exception {
        // given
        Path rules = writeRuleFile(directory);

        // when
        Promtool.Result result = Promtool.run(directory, "check", "rules", rules.getFileName().toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 8 rules found");
    }

    @Test
    void shouldFireEachAlertOnTheFixtureSeriesAndOnlyThere(@TempDir Path directory) throws Exception {
        // given: the fixture (src/test/resources/monitoring/rules-test.yml) next to the extracted rules
        writeRuleFile(directory);
        try (InputStream fixture = getClass().getResourceAsStream("/monitoring/rules-test.yml")) {
            Files.copy(fixture, directory.resolve("rules-test.yml"));
        }

        // when
        Promtool.Result result = Promtool.run(directory, "test", "rules", "rules-test.yml");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldTestEveryAlertOfTheRuleFileInTheFixture() throws Exception {
        // given
        List<String> alerts = new ArrayList<>();
        Manifests.documents(RULE_FILE).get(0).path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asString())));
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/monitoring/rules-test.yml")) {
            fixture = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        // when / then: each alert is expected to fire at least once (an exp_alerts list that is not empty follows)
        assertThat(alerts).containsExactlyInAnyOrder("RecoNoSuccessfulPublishFor26Hours", "RecoMetricsMissing",
                "RecoLastRunRefusedOrFailed", "RecoNdcgBelowGateFloor", "RecoSyncHookFailed", "RecoArgoSyncFailed",
                "RecoJobPodPending", "RecoOnlineModelBelowControl");
        for (String alert : alerts) {
            assertThat(Pattern.compile("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels").matcher(fixture).find())
                    .as("the fixture makes %s fire", alert).isTrue();
        }
    }

    @Test
    void shouldQueryOnlySeriesTheJobPushes() {
        // given
        List<String> expressions = new ArrayList<>();
        Manifests.documents(RULE_FILE).get(0).path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asString())));

        // when
        Set<String> queried = new TreeSet<>();
        expressions.forEach(e -> queried.addAll(recoSeriesIn(e)));

        // then
        assertThat(queried).isNotEmpty().isSubsetOf(RunSeries.prometheusNames())
                .contains("reco_last_successful_publish_timestamp_seconds", "reco_run_exit_code", "reco_ndcg",
                        "reco_gate_min_ndcg", "reco_online_users", "reco_online_users_with_hits");
    }

    @Test
    void shouldGiveEveryAlertAForAndARunbookLinkToItsSectionOfTheOperationsRunbook() {
        // given: the runbook's anchors as GitHub renders them, and the repository the Applications sync from
        Set<String> anchors = MarkdownLinkChecker.headingSlugs(Manifests.REPO.resolve("docs/operations.md"));
        String repository = Manifests.documents(Manifests.ARGOCD.resolve("project.yaml")).get(0)
                .path("spec").path("sourceRepos").get(0).asString().replaceFirst("\\.git$", "");
        String runbook = repository + "/blob/main/docs/operations.md#";

        // when
        List<JsonNode> rules = new ArrayList<>();
        Manifests.documents(RULE_FILE).get(0).path("spec").path("groups").forEach(g -> g.path("rules").forEach(rules::add));

        // then: a retry (the CronJob's, ArgoCD's) or a scrape gap clears before anyone is called
        assertThat(rules).hasSize(8).allSatisfy(rule -> {
            String alert = rule.path("alert").asString();
            assertThat(rule.path("for").asString()).as(alert + " for").matches("\\d+[mh]");
            String url = rule.path("annotations").path("runbook_url").asString();
            assertThat(url).as(alert + " runbook_url").startsWith(runbook);
            assertThat(anchors).as(alert + ": the runbook has the section it links").contains(url.substring(runbook.length()));
        });
    }

    @Test
    void shouldWatchOnlyThisJobsNamespacesHooksPodsAndApplicationsInTheClusterSeries() {
        // given
        Map<String, String> expressions = new TreeMap<>();
        Manifests.documents(RULE_FILE).get(0).path("spec").path("groups").forEach(g -> g.path("rules")
                .forEach(r -> expressions.put(r.path("alert").asString(), r.path("expr").asString())));

        // when / then: kube-state-metrics and ArgoCD series narrowed to the two environments
        assertThat(expressions.get("RecoSyncHookFailed")).contains("kube_job_status_failed")
                .contains("namespace=~\"beer-reco|beer-reco-staging\"").contains("beer-reco-batch-(migrate|check)");
        assertThat(expressions.get("RecoJobPodPending")).contains("kube_pod_status_phase").contains("phase=\"Pending\"")
                .contains("namespace=~\"beer-reco|beer-reco-staging\"");
        assertThat(expressions.get("RecoArgoSyncFailed")).contains("argocd_app_info").contains("sync_status")
                .contains("beer-reco-batch-(staging|production)");
    }
}
