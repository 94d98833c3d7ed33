package com.beershop.reco.tracking;

import com.beershop.reco.evaluation.QualityGate.Decision;
import com.beershop.reco.outcome.RunOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.tracking.SvgChart.esc;

/**
 * {@code report --html=FILE}: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the
 * nightly runs as charts (hold-out nDCG against most-popular, seconds per step, rows published, the online hit rate
 * per arm; refused and overridden runs marked) and the table of the last runs. Well-formed XHTML, so it parses as XML too.
 */
final class HtmlReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px}
            .chart{border:1px solid #ddd;background:#fff}.grid{stroke:#eee}.tick,.legend,.unit{font-size:11px;fill:#555}
            .mark.refused{fill:#d62728;fill-opacity:.15}.mark.overridden{fill:#ff7f0e;fill-opacity:.2}
            .mark.failed{fill:#7f7f7f;fill-opacity:.15}
            .key span{display:inline-block;padding:0 6px;margin-right:8px}
            .key .refused{background:#f7d4d4}.key .overridden{background:#ffe4c4}.key .failed{background:#e5e5e5}
            table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left}
            th{background:#f4f4f4}tr.refused td{background:#fbeaea}tr.overridden td{background:#fff2e0}
            tr.failed td{background:#f0f0f0}td.num{text-align:right}
            """;

    private HtmlReport() {
    }

    /** @param newestFirst run-history rows as {@link RunHistoryRepository#recent} returns them */
    static String render(List<RunRecord> newestFirst, String generatedAt) {
        List<RunRecord> nightly = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (newestFirst.get(i).ranIn(RunMode.RUN)) {
                nightly.add(newestFirst.get(i));
            }
        }
        List<SvgChart.Run> runs = nightly.stream()
                .map(r -> new SvgChart.Run(r.id(), r.startedAt() == null ? "#" + r.id() : DAY.format(r.startedAt()), mark(r)))
                .toList();
        Map<String, List<Double>> ndcg = new LinkedHashMap<>();
        ndcg.put("model nDCG", nightly.stream().map(RunRecord::ndcgAtN).toList());
        ndcg.put("most-popular nDCG", nightly.stream().map(RunRecord::baselineNdcgAtN).toList());
        List<Map<String, Double>> steps = nightly.stream().map(r -> stepSeconds(r.stepSeconds())).toList();
        List<Double> rows = nightly.stream().map(r -> r.rowsPublished() == null ? null : r.rowsPublished().doubleValue()).toList();

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>beer-reco-batch run history</title><style>").append(CSS).append("</style></head><body>")
                .append("<h1>beer-reco-batch: the last nightly runs</h1>")
                .append("<p>").append(nightly.size()).append(" runs of mode <code>run</code> among the ")
                .append(newestFirst.size()).append(" newest run-history rows; generated ").append(esc(generatedAt))
                .append(".</p><p class=\"key\">Marked runs: <span class=\"refused\">refused (gate or input)</span>")
                .append("<span class=\"overridden\">gate overridden</span><span class=\"failed\">failed</span></p>");
        html.append("<h2>Hold-out nDCG@N: model against most-popular</h2>")
                .append(SvgChart.lines("ndcg-chart", "nDCG", runs, ndcg));
        html.append("<h2>Seconds per step</h2>").append(SvgChart.stackedBars("steps-chart", "seconds", runs, steps));
        html.append("<h2>Rows published</h2>").append(SvgChart.bars("rows-chart", "rows", "rows published", runs, rows));
        html.append(OnlineCharts.render(nightly, runs));
        html.append("<h2>Last runs</h2>").append(table(newestFirst)).append("</body></html>\n");
        return html.toString();
    }

    /** Why a run is marked in the charts: refused, overridden, failed, or null for a normal run. */
    static String mark(RunRecord r) {
        if (Decision.OVERRIDDEN.name().equals(r.gateVerdict())) {
            return "overridden";
        }
        boolean refusedRun = r.knownOutcome().filter(RunOutcome::refused).isPresent();
        if (Decision.REFUSED.name().equals(r.gateVerdict()) || refusedRun) {
            return "refused";
        }
        return r.published() || r.endedWith(RunOutcome.EVALUATED) ? null : "failed";
    }

    static Map<String, Double> stepSeconds(String json) {
        Map<String, Double> steps = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return steps;
        }
        JsonNode node = JSON.readTree(json);
        for (String name : node.propertyNames()) {
            steps.put(name, node.get(name).asDouble());
        }
        return steps;
    }

    private static String table(List<RunRecord> rows) {
        StringBuilder t = new StringBuilder("<table id=\"runs\"><thead><tr>");
        for (String h : List.of("id", "started", "mode", "algorithm", "nDCG", "pop nDCG", "gate", "published", "rows",
                "outcome", "exit", "why", "commit", "version")) {
            t.append("<th>").append(h).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (RunRecord r : rows) {
            String mark = mark(r);
            t.append("<tr data-run=\"").append(r.id()).append('"').append(mark == null ? "" : " class=\"" + mark + "\"").append('>')
                    .append(td(r.id())).append(td(r.startedAt() == null ? null : WHEN.format(r.startedAt())))
                    .append(td(r.runMode())).append(td(r.algorithm())).append(num(r.ndcgAtN())).append(num(r.baselineNdcgAtN()))
                    .append(td(r.gateVerdict())).append(td(r.published() ? "yes" : "no")).append(td(r.rowsPublished()))
                    .append(td(r.outcome())).append(td(r.exitCode())).append(td(r.outcomeReason()))
                    .append(td(shortCommit(r.gitCommit()))).append(td(r.appVersion())).append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String shortCommit(String commit) {
        return commit == null || commit.length() <= 10 ? commit : commit.substring(0, 10);
    }

    private static String td(Object value) {
        return "<td>" + (value == null ? "" : esc(String.valueOf(value))) + "</td>";
    }

    private static String num(Double value) {
        return "<td class=\"num\">" + (value == null ? "" : SvgChart.fmt(value)) + "</td>";
    }
}
