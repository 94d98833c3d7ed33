package com.beershop.reco.tracking;

import com.beershop.reco.online.ArmFigures;
import com.beershop.reco.online.OnlineJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML report's online readout: one chart per arm over the nightly runs, each night the hit rate at N of the
 * newest generation it measured (the one live until that run), between its 95 % Wilson bounds.
 */
final class OnlineCharts {

    static final List<String> ARMS = List.of("model", "control");

    private OnlineCharts() {
    }

    /** @param nightly the runs of mode run, oldest first, as the charts' x axis */
    static String render(List<RunRecord> nightly, List<SvgChart.Run> runs) {
        List<List<ArmFigures>> readouts = nightly.stream()
                .map(r -> OnlineJson.newestMeasured(OnlineJson.read(r.online()))).toList();
        StringBuilder html = new StringBuilder("<h2>Online hit rate at N per arm</h2><p>Each night: of the users who"
                + " had a list in the generation live until that run and rated since it went live, the share who rated"
                + " a product on their list, with its 95 % interval (docs/quality.md, \"Online readout\").</p>");
        for (String arm : ARMS) {
            Map<String, List<Double>> series = new LinkedHashMap<>();
            series.put(arm + " hit rate", values(readouts, arm, ArmFigures::hitRate));
            series.put("95 % low", values(readouts, arm, ArmFigures::hitRateLow));
            series.put("95 % high", values(readouts, arm, ArmFigures::hitRateHigh));
            if (series.get(arm + " hit rate").stream().allMatch(v -> v == null)) {
                html.append("<p id=\"online-").append(arm).append("-chart\">").append(arm)
                        .append(" arm: no readout yet</p>");
            } else {
                html.append("<h3>").append(arm).append(" arm</h3>")
                        .append(SvgChart.lines("online-" + arm + "-chart", "hit rate", runs, series));
            }
        }
        return html.toString();
    }

    private static List<Double> values(List<List<ArmFigures>> readouts, String arm,
                                       java.util.function.Function<ArmFigures, Double> figure) {
        return readouts.stream().map(figures -> figures.stream().filter(f -> arm.equals(f.arm())).findFirst()
                .map(figure).orElse(null)).toList();
    }
}
