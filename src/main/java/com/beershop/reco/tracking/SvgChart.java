package com.beershop.reco.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small inline SVG charts for the HTML report, one data point per run. Every point or bar carries
 * {@code data-run} (the history row id) and {@code data-value}, so a reader (or a test) can tie a mark back to its
 * row; a {@code <title>} child gives the value on hover. No scripts, no external resources.
 */
final class SvgChart {

    static final int WIDTH = 880;
    static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#d62728");

    /** One run on the x axis. {@code mark} is null, or a CSS class for a refused or overridden run. */
    record Run(long id, String label, String mark) {
    }

    private SvgChart() {
    }

    /** Lines, one per series (values may be null: a gap), with refused/overridden runs marked on the x axis. */
    static String lines(String id, String unit, List<Run> runs, Map<String, List<Double>> series) {
        double max = niceMax(series.values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder svg = open(id, unit, runs, max);
        int s = 0;
        for (Map.Entry<String, List<Double>> line : series.entrySet()) {
            String color = PALETTE.get(s++ % PALETTE.size());
            List<String> points = new ArrayList<>();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                Double v = line.getValue().get(i);
                if (v == null) {
                    flush(svg, points, color);
                    continue;
                }
                double x = x(i, runs.size());
                double y = y(v, max);
                points.add(num(x) + "," + num(y));
                dots.append("<circle class=\"point\" data-series=\"").append(esc(line.getKey()))
                        .append("\" data-run=\"").append(runs.get(i).id()).append("\" data-value=\"").append(v)
                        .append("\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                        .append("\" r=\"3.5\" fill=\"").append(color).append("\"><title>run ").append(runs.get(i).id())
                        .append(", ").append(esc(line.getKey())).append(": ").append(fmt(v)).append("</title></circle>");
            }
            flush(svg, points, color);
            svg.append(dots);
        }
        legend(svg, new ArrayList<>(series.keySet()));
        return close(svg);
    }

    /** Stacked bars, one bar per run, one segment per key (e.g. seconds per step). */
    static String stackedBars(String id, String unit, List<Run> runs, List<Map<String, Double>> stacks) {
        List<String> keys = new ArrayList<>();
        stacks.forEach(m -> m.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        double max = niceMax(stacks.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum())
                .max().orElse(1));
        StringBuilder svg = open(id, unit, runs, max);
        double width = barWidth(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            double base = 0;
            for (Map.Entry<String, Double> segment : stacks.get(i).entrySet()) {
                double top = base + segment.getValue();
                String color = PALETTE.get(keys.indexOf(segment.getKey()) % PALETTE.size());
                svg.append(bar(runs.get(i), segment.getKey(), segment.getValue(), x(i, runs.size()) - width / 2,
                        y(top, max), width, y(base, max) - y(top, max), color));
                base = top;
            }
        }
        legend(svg, keys);
        return close(svg);
    }

    /** One bar per run (null: no bar). */
    static String bars(String id, String unit, String name, List<Run> runs, List<Double> values) {
        double max = niceMax(values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder svg = open(id, unit, runs, max);
        double width = barWidth(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Double v = values.get(i);
            if (v != null) {
                svg.append(bar(runs.get(i), name, v, x(i, runs.size()) - width / 2, y(v, max), width,
                        y(0, max) - y(v, max), PALETTE.get(0)));
            }
        }
        return close(svg);
    }

    private static String bar(Run run, String series, double value, double x, double y, double w, double h, String color) {
        return "<rect class=\"bar\" data-series=\"" + esc(series) + "\" data-run=\"" + run.id() + "\" data-value=\""
                + value + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\""
                + num(Math.max(h, 0)) + "\" fill=\"" + color + "\"><title>run " + run.id() + ", " + esc(series) + ": "
                + fmt(value) + "</title></rect>";
    }

    private static StringBuilder open(String id, String unit, List<Run> runs, double max) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(id)).append("\" class=\"chart\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" data-max=\"").append(max).append("\" role=\"img\">");
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = y(v, max);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(fmt(v)).append("</text>");
        }
        svg.append("<text class=\"unit\" x=\"4\" y=\"12\">").append(esc(unit)).append("</text>");
        int every = Math.max(1, runs.size() / 12);
        for (int i = 0; i < runs.size(); i++) {
            double x = x(i, runs.size());
            Run run = runs.get(i);
            if (run.mark() != null) {
                svg.append("<rect class=\"mark ").append(esc(run.mark())).append("\" data-run=\"").append(run.id())
                        .append("\" x=\"").append(num(x - barWidth(runs.size()) / 2 - 2)).append("\" y=\"").append(TOP)
                        .append("\" width=\"").append(num(barWidth(runs.size()) + 4)).append("\" height=\"")
                        .append(HEIGHT - TOP - BOTTOM).append("\"><title>run ").append(run.id()).append(": ")
                        .append(esc(run.mark())).append("</title></rect>");
            }
            if (i % every == 0) {
                svg.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                        .append("\" text-anchor=\"middle\">").append(esc(run.label())).append("</text>");
            }
        }
        return svg;
    }

    private static void legend(StringBuilder svg, List<String> names) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(HEIGHT - 14).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(PALETTE.get(i % PALETTE.size())).append("\"/><text class=\"legend\" x=\"").append(num(x + 14))
                    .append("\" y=\"").append(HEIGHT - 5).append("\">").append(esc(names.get(i))).append("</text>");
            x += 24 + 7 * names.get(i).length();
        }
    }

    private static void flush(StringBuilder svg, List<String> points, String color) {
        if (points.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", points)).append("\"/>");
        }
        points.clear();
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    static double x(int i, int n) {
        double plot = WIDTH - LEFT - RIGHT;
        return LEFT + plot * (i + 0.5) / Math.max(n, 1);
    }

    static double y(double value, double max) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - value / max);
    }

    private static double barWidth(int n) {
        return Math.max(2, Math.min(40, (WIDTH - LEFT - RIGHT) / (double) Math.max(n, 1) * 0.6));
    }

    /** A round upper bound (1, 2 or 5 times a power of ten) so the grid lines fall on readable values. */
    static double niceMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.4f" : "%.2f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }
}
