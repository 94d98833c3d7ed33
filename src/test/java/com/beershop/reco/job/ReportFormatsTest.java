package com.beershop.reco.job;

import com.beershop.reco.outcome.ExitCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code report --format=json|csv} and {@code report --html=FILE} on a history of three nightly runs (published,
 * refused by the gate, overridden) and one evaluate: parsed back, they must say what the table says.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportFormatsTest {

    private static final String[] WORSE_MODEL = {"--reco.model.params.factors=1", "--reco.model.params.iterations=1",
            "--reco.model.params.reg=100000"};
    private static TestDatabase db;
    private static List<Map<String, Object>> rows;

    @BeforeAll
    static void historyOfThreeRunsAndAnEvaluation() throws Exception {
        db = TestDatabase.h2();
        assertThat(db.run("migrate")).isEqualTo(ExitCodes.OK);
        db.loadGenerated(RecommendationJobTestBase.DATA);
        assertThat(db.run("run")).isEqualTo(ExitCodes.OK);
        assertThat(db.run("run", WORSE_MODEL)).isEqualTo(ExitCodes.QUALITY_REFUSED);
        String refusedData = db.jdbc.queryForObject(
                "SELECT data_fingerprint FROM reco_run_history WHERE id = (SELECT MAX(id) FROM reco_run_history)", String.class);
        String[] forced = List.of(WORSE_MODEL[0], WORSE_MODEL[1], WORSE_MODEL[2], "--reco.gate.override=" + refusedData)
                .toArray(String[]::new);
        assertThat(db.run("run", forced)).isEqualTo(ExitCodes.OK);
        assertThat(db.run("evaluate", "--reco.evaluation.candidates=most-popular")).isEqualTo(ExitCodes.OK);
        rows = db.jdbc.queryForList("SELECT * FROM reco_run_history ORDER BY id DESC");
        assertThat(rows).hasSize(4);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void shouldPrintEveryRowAndColumnAsJson(CapturedOutput output) {
        // when
        assertThat(db.run("report", "--format=json")).isEqualTo(ExitCodes.OK);

        // then
        String out = output.getOut();
        JsonNode json = JsonMapper.builder().build().readTree(out.substring(out.indexOf("\n[") + 1, out.lastIndexOf(']') + 1));
        assertThat(json.size()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            JsonNode run = json.get(i);
            assertThat(run.path("id").asLong()).isEqualTo(((Number) row.get("id")).longValue());
            assertThat(run.path("runMode").asString()).isEqualTo(row.get("run_mode"));
            assertThat(run.path("outcome").asString()).isEqualTo(row.get("outcome"));
            assertThat(run.path("exitCode").isNull() ? null : run.path("exitCode").asInt()).isEqualTo(row.get("exit_code"));
            assertThat(run.path("published").asBoolean()).isEqualTo(row.get("published"));
            assertThat(run.path("gateVerdict").isNull() ? null : run.path("gateVerdict").asString()).isEqualTo(row.get("gate_verdict"));
            if (row.get("ndcg_at_n") != null) {
                assertThat(run.path("ndcgAtN").asDouble()).isCloseTo(((Number) row.get("ndcg_at_n")).doubleValue(), within(1e-12));
            }
            assertThat(run.path("params").isObject()).as("params is a nested object").isTrue();
        }
        assertThat(json.get(3).path("stepSeconds").path("publishStep").asDouble()).isPositive();
        String commit = buildCommit();
        if (commit != null) {
            assertThat(json).as("every row names the commit of the build (git.properties)")
                    .allSatisfy(run -> assertThat(run.path("gitCommit").asString()).isEqualTo(commit).matches("[0-9a-f]{40}"));
        } else {
            assertThat(json).as("a build from a tree without .git records no commit")
                    .allSatisfy(run -> assertThat(run.path("gitCommit").isNull()).isTrue());
        }
    }

    @Test
    void shouldPrintEveryRowAsCsvWithAHeader(CapturedOutput output) {
        // when
        assertThat(db.run("report", "--format=csv")).isEqualTo(ExitCodes.OK);

        // then
        String out = output.getOut();
        List<List<String>> csv = parseCsv(out.substring(out.indexOf("id,jobExecutionId,")));
        List<String> header = csv.get(0);
        assertThat(header).contains("id", "runMode", "ndcgAtN", "baselineNdcgAtN", "gateVerdict", "outcome",
                "outcomeReason", "exitCode", "stepSeconds");
        List<List<String>> records = csv.subList(1, 1 + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> run = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                run.put(header.get(c), records.get(i).get(c));
            }
            Map<String, Object> row = rows.get(i);
            assertThat(run.get("id")).isEqualTo(String.valueOf(row.get("id")));
            assertThat(run.get("outcome")).isEqualTo(row.get("outcome"));
            assertThat(run.get("outcomeReason")).isEqualTo(row.get("outcome_reason") == null ? "" : row.get("outcome_reason"));
            assertThat(run.get("rowsPublished")).isEqualTo(String.valueOf(row.get("rows_published")));
        }
    }

    @Test
    void shouldDrawTheNightlyRunsIntoOneSelfContainedHtmlPage(@TempDir Path directory) throws Exception {
        // given
        Path html = directory.resolve("report.html");

        // when
        assertThat(db.run("report", "--html=" + html)).isEqualTo(ExitCodes.OK);

        // then: well-formed, nothing fetched from anywhere
        String page = Files.readString(html);
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(page.replaceAll("xmlns=\"[^\"]*\"", ""))
                .doesNotContain("<script", "http://", "https://", "src=", "href=", "url(", "@import");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Object>> nightly = rows.stream().filter(r -> "run".equals(r.get("run_mode"))).toList();

        // the nDCG chart: one point per nightly run and series, at the row's value, higher values drawn higher
        Element ndcg = byId(document, "ndcg-chart");
        for (Map<String, Object> row : nightly) {
            Element model = point(ndcg, "circle", "model nDCG", row.get("id"));
            Element popular = point(ndcg, "circle", "most-popular nDCG", row.get("id"));
            assertThat(Double.parseDouble(model.getAttribute("data-value")))
                    .isCloseTo(((Number) row.get("ndcg_at_n")).doubleValue(), within(1e-12));
            assertThat(Double.parseDouble(popular.getAttribute("data-value")))
                    .isCloseTo(((Number) row.get("baseline_ndcg_at_n")).doubleValue(), within(1e-12));
            assertThat(Double.parseDouble(model.getAttribute("cy")) < Double.parseDouble(popular.getAttribute("cy")))
                    .as("run %s: the better value is drawn higher", row.get("id"))
                    .isEqualTo(((Number) row.get("ndcg_at_n")).doubleValue() > ((Number) row.get("baseline_ndcg_at_n")).doubleValue());
        }
        assertThat(ndcg.getElementsByTagName("circle").getLength()).isEqualTo(2 * nightly.size());

        // refused and overridden runs are marked
        Map<String, String> marks = new HashMap<>();
        NodeList rects = ndcg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").startsWith("mark ")) {
                marks.put(rect.getAttribute("data-run"), rect.getAttribute("class"));
            }
        }
        Map<String, String> expected = new HashMap<>();
        for (Map<String, Object> row : nightly) {
            if ("REFUSED".equals(row.get("gate_verdict"))) {
                expected.put(String.valueOf(row.get("id")), "mark refused");
            } else if ("OVERRIDDEN".equals(row.get("gate_verdict"))) {
                expected.put(String.valueOf(row.get("id")), "mark overridden");
            }
        }
        assertThat(marks).hasSize(2).isEqualTo(expected);

        // rows published and seconds per step, from the same rows
        Element rowsChart = byId(document, "rows-chart");
        Element steps = byId(document, "steps-chart");
        for (Map<String, Object> row : nightly) {
            assertThat(Double.parseDouble(point(rowsChart, "rect", "rows published", row.get("id")).getAttribute("data-value")))
                    .isEqualTo(((Number) row.get("rows_published")).doubleValue());
            JsonNode stepSeconds = JsonMapper.builder().build().readTree(String.valueOf(row.get("step_seconds")));
            for (String step : stepSeconds.propertyNames()) {
                assertThat(Double.parseDouble(point(steps, "rect", step, row.get("id")).getAttribute("data-value")))
                        .isEqualTo(stepSeconds.get(step).asDouble());
            }
        }

        // and the table of the last runs, every row, newest first
        NodeList tableRows = byId(document, "runs").getElementsByTagName("tbody").item(0).getChildNodes();
        assertThat(tableRows.getLength()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Element) tableRows.item(i)).getAttribute("data-run")).isEqualTo(String.valueOf(rows.get(i).get("id")));
        }
    }

    /** The build's commit from git.properties, or null where the build had no .git to read (a source tarball). */
    private static String buildCommit() {
        try (var in = ReportFormatsTest.class.getResourceAsStream("/git.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties git = new java.util.Properties();
            git.load(in);
            return git.getProperty("git.commit.id");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Element byId(Document document, String id) {
        for (String tag : List.of("svg", "table")) {
            NodeList nodes = document.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                if (id.equals(((Element) nodes.item(i)).getAttribute("id"))) {
                    return (Element) nodes.item(i);
                }
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static Element point(Element chart, String tag, String series, Object runId) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = chart.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (series.equals(e.getAttribute("data-series")) && String.valueOf(runId).equals(e.getAttribute("data-run"))) {
                found.add(e);
            }
        }
        assertThat(found).as("%s of run %s", series, runId).hasSize(1);
        return found.get(0);
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString().replaceAll("\r$", ""));
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
