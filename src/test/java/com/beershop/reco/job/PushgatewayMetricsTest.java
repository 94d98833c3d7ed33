package com.beershop.reco.job;

import com.beershop.reco.monitoring.RunSeries;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.testing.ExternalTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real job pushing to the real Pushgateway that .ci/run starts on 127.0.0.1:9091 (Debian's
 * prometheus-pushgateway): the series it shows afterwards must say what the run-history row says. Each test pushes
 * to a grouping key of its own and deletes it afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayMetricsTest {

    private static final String PUSHGATEWAY = ExternalTool.PUSHGATEWAY_URL;
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String instance = "test-" + UUID.randomUUID();
    private TestDatabase db;

    @BeforeEach
    void freshDatabaseWithRatings() throws Exception {
        ExternalTool.PUSHGATEWAY.require();
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
    }

    @AfterEach
    void dropDatabaseAndGroup() throws Exception {
        if (db == null) {
            return; // the Pushgateway was missing: nothing was created
        }
        db.close();
        http.send(HttpRequest.newBuilder(URI.create(PUSHGATEWAY + "/metrics/job/beer-reco-batch/instance/" + instance))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private int run(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--management.prometheus.metrics.export.pushgateway.enabled=true";
        args[1] = "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:9091";
        args[2] = "--management.prometheus.metrics.export.pushgateway.grouping-key.instance=" + instance;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return db.run("run", args);
    }

    @Test
    void shouldPushWhatThePublishedRunsHistoryRowSays() throws Exception {
        // when
        assertThat(run()).isEqualTo(ExitCodes.OK);

        // then
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE run_mode = 'run'");
        Map<String, Double> pushed = pushedSeries();
        assertThat(pushed.keySet()).as("every unlabelled series of RunSeries").containsAll(Stream.of(RunSeries.values())
                .filter(series -> series.labels().isEmpty()).map(RunSeries::prometheusName).toList());
        assertThat(pushed.get("reco_run_exit_code")).isZero();
        assertThat(pushed.get("reco_run_published")).isEqualTo(1.0);
        assertThat(pushed.get("reco_run_outcome{outcome=PUBLISHED}")).isEqualTo(1.0);
        assertThat(pushed.get("reco_ndcg")).isCloseTo(((Number) row.get("ndcg_at_n")).doubleValue(), within(1e-12));
        assertThat(pushed.get("reco_baseline_ndcg")).isCloseTo(((Number) row.get("baseline_ndcg_at_n")).doubleValue(), within(1e-12));
        assertThat(pushed.get("reco_gate_min_ndcg")).isEqualTo(0.001);
        assertThat(pushed.get("reco_gate_decision{decision=PASSED}")).isEqualTo(1.0);
        assertThat(pushed.get("reco_gate_decision{decision=REFUSED}")).isZero();
        assertThat(pushed.get("reco_rows_published")).isEqualTo(((Number) row.get("rows_published")).doubleValue()).isEqualTo(10_000.0);
        assertThat(pushed.get("reco_ratings_read")).isEqualTo(((Number) row.get("ratings_read")).doubleValue()).isEqualTo(25_000.0);
        assertThat(pushed.get("reco_ratings_rejected")).isEqualTo(((Number) row.get("ratings_rejected")).doubleValue());
        assertThat(pushed.get("reco_users")).isEqualTo(((Number) row.get("users")).doubleValue()).isEqualTo(1000.0);
        assertThat(pushed.get("reco_products")).isEqualTo(((Number) row.get("products")).doubleValue());
        double ended = epochSeconds(row.get("ended_at"));
        assertThat(pushed.get("reco_run_end_timestamp_seconds")).isCloseTo(ended, within(0.001));
        assertThat(pushed.get("reco_last_successful_publish_timestamp_seconds")).isCloseTo(ended, within(0.001));
        JsonNode steps = JsonMapper.builder().build().readTree(String.valueOf(row.get("step_seconds")));
        assertThat(steps.propertyNames()).contains("loadRatingsStep", "publishStep");
        for (String step : steps.propertyNames()) {
            assertThat(pushed.get("reco_step_seconds{step=" + step + "}")).as(step)
                    .isCloseTo(steps.get(step).asDouble(), within(1e-9));
        }
        assertThat(pushed.keySet()).as("Spring Batch's own step observations are pushed too").anySatisfy(k ->
                assertThat(k).startsWith("spring_batch_step_seconds_count{").contains("spring_batch_step_name=publishStep"));
    }

    @Test
    void shouldPushARefusalWhileTheLastPublishTimestampStaysAtThePublishedRun() throws Exception {
        // given
        assertThat(run()).isEqualTo(ExitCodes.OK);
        double publishedAt = pushedSeries().get("reco_last_successful_publish_timestamp_seconds");

        // when: a model worse than most-popular
        int exit = run("--reco.model.params.factors=1", "--reco.model.params.iterations=1",
                "--reco.model.params.reg=100000");

        // then
        assertThat(exit).isEqualTo(ExitCodes.QUALITY_REFUSED);
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)");
        Map<String, Double> pushed = pushedSeries();
        assertThat(pushed.get("reco_run_exit_code")).isEqualTo(4.0).isEqualTo(((Number) row.get("exit_code")).doubleValue());
        assertThat(pushed.get("reco_run_published")).isZero();
        assertThat(pushed).containsEntry("reco_run_outcome{outcome=QUALITY_REFUSED}", 1.0)
                .doesNotContainKey("reco_run_outcome{outcome=PUBLISHED}");
        assertThat(pushed.get("reco_gate_decision{decision=REFUSED}")).isEqualTo(1.0);
        assertThat(pushed.get("reco_gate_decision{decision=PASSED}")).isZero();
        assertThat(pushed.get("reco_rows_published")).isZero();
        assertThat(pushed.get("reco_ndcg")).isCloseTo(((Number) row.get("ndcg_at_n")).doubleValue(), within(1e-12));
        assertThat(pushed.get("reco_last_successful_publish_timestamp_seconds")).isEqualTo(publishedAt);
        assertThat(pushed.get("reco_run_end_timestamp_seconds")).isGreaterThan(publishedAt);
    }

    @Test
    void shouldFinishTheRunWithAWarningWhenThePushgatewayIsDown(CapturedOutput output) {
        // when: nothing listens on port 9
        int exit = db.run("run", "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:9");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(db.count("SELECT COUNT(*) FROM reco_run_history WHERE published = ?", true)).isEqualTo(1);
        assertThat(output.getOut()).contains("WARN").contains("Prometheus Pushgateway");
    }

    @Test
    void shouldPushNaNForWhatARunThatFailedEarlyNeverMeasuredNotYesterdaysValue() throws Exception {
        // given: a published run pushed its hold-out nDCG
        assertThat(run()).isEqualTo(ExitCodes.OK);
        assertThat(pushedSeries().get("reco_ndcg")).isPositive();

        // when: tonight's input is refused before any model is measured
        int exit = run("--reco.input.min-ratings=10000000");

        // then
        assertThat(exit).isEqualTo(ExitCodes.REJECTED_INPUT);
        Map<String, Double> pushed = pushedSeries();
        assertThat(pushed.get("reco_run_exit_code")).isEqualTo(3.0);
        assertThat(pushed.get("reco_ndcg")).as("not last night's nDCG beside tonight's failure").isNaN();
        assertThat(pushed.get("reco_rows_published")).isZero();
    }

    @Test
    void shouldLeaveTheLastRunsSeriesAloneWhenAReportPushesAfterIt() throws Exception {
        // given
        assertThat(run()).isEqualTo(ExitCodes.OK);
        Map<String, Double> afterTheRun = reco(pushedSeries());
        assertThat(afterTheRun).containsKey("reco_run_exit_code");

        // when: a mode that ran no job pushes to the same group (POST replaces only the names it pushes; PUT, the
        // whole group)
        assertThat(db.run("report", "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:9091",
                "--management.prometheus.metrics.export.pushgateway.grouping-key.instance=" + instance))
                .isEqualTo(ExitCodes.OK);

        // then
        assertThat(reco(pushedSeries())).isEqualTo(afterTheRun);
    }

    private static Map<String, Double> reco(Map<String, Double> series) {
        Map<String, Double> reco = new HashMap<>(series);
        reco.keySet().removeIf(name -> !name.startsWith("reco_"));
        return reco;
    }

    /** This test's group as "name" or "name{label=value,...}" (without job and instance) to value. */
    private Map<String, Double> pushedSeries() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(PUSHGATEWAY + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> series = new HashMap<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || sample.group(2) == null
                    || !sample.group(2).contains("instance=\"" + instance + "\"")) {
                continue;
            }
            StringBuilder labels = new StringBuilder();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                if (!label.group(1).equals("job") && !label.group(1).equals("instance")) {
                    labels.append(labels.isEmpty() ? "" : ",").append(label.group(1)).append('=').append(label.group(2));
                }
            }
            String key = sample.group(1) + (labels.isEmpty() ? "" : "{" + labels + "}");
            series.put(key, Double.parseDouble(sample.group(3)));
        }
        return series;
    }

    private static double epochSeconds(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() / 1000.0;
    }
}
