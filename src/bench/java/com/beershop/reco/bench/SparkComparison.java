package com.beershop.reco.bench;

import com.beershop.reco.sample.SampleSize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link SparkSideBySide} in a JVM of its own (Spark's heap and threads must not be counted as the job's, and
 * Java 17 needs the {@code --add-opens} flags the {@code benchmark} profile passes as {@code bench.spark.jvm}),
 * then prints Spark's stages next to the job's with the ratio, and Spark's hold-out quality next to ours.
 */
final class SparkComparison {

    private SparkComparison() {
    }

    /** @return the child's {@code SPARK ...} line */
    static String run(SampleSize size, String url, String user, String xmx) throws IOException, InterruptedException {
        Path result = Path.of("target", "bench", size + "-spark.result");
        Files.deleteIfExists(result);
        // -Xss as well as, not instead of, the checkpoints (SparkSideBySide.CHECKPOINT_INTERVAL): a task still
        // carries the lineage of the joins and windows built on the factors, and deserialising it recurses once per
        // nested object (Scala's collection proxies add levels); 1 MB thread stacks have no margin for that
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + xmx, "-Xss4m"));
        String flags = System.getProperty("bench.spark.jvm", "");
        if (flags.isBlank()) {
            System.out.println("warning: bench.spark.jvm is not set (run through the benchmark profile); Spark may"
                    + " fail on Java 17 without its --add-opens flags");
        }
        for (String flag : flags.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkSideBySide.class.getName(),
                size.name(), url, user, result.toString()));
        System.out.printf(Locale.ROOT, "%nRunning Spark MLlib side by side (child JVM -Xmx%s, log: target/bench/%s-spark.log)...%n",
                xmx, size);
        Path log = Path.of("target", "bench", size + "-spark.log");
        int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.startsWith("SLF4J") && !line.contains(" WARN ") && !line.startsWith("\t")) {
                System.out.println(line);
            }
        }
        if (exit != 0 || !Files.exists(result)) {
            throw new IllegalStateException("the Spark run exited with " + exit + " (log: " + log + ")");
        }
        return Files.readString(result, StandardCharsets.UTF_8).trim();
    }

    /** Spark's stages against the job's: load = loadRatingsStep + checkInputStep (validation and CSR). */
    static void printSideBySide(String sparkLine, Map<String, Double> job, double jobEndToEnd, int jobPeakHeapMb,
                                double jobNdcg) {
        Map<String, String> spark = fields(sparkLine);
        System.out.printf(Locale.ROOT, "%n%-40s %10s %10s %8s%n", "stage", "Spark s", "our job s", "ratio");
        row("load and index", d(spark, "load_s"), job.get("loadRatingsStep") + job.get("checkInputStep"));
        row("evaluate (hold-out, top N, metrics)", d(spark, "evaluate_s"), job.get("evaluateModelStep"));
        row("train (all ratings)", d(spark, "train_s"), job.get("trainModelStep"));
        row("score all users (rated excluded)", d(spark, "score_s"), job.get("scoreUsersStep"));
        row("process wall time", d(spark, "wall_s"), jobEndToEnd);
        System.out.printf(Locale.ROOT, "%-40s %10s %10s%n", "peak heap MB (Spark: also peak RSS)",
                spark.get("peak_heap_mb") + " / " + spark.get("rss_mb"), jobPeakHeapMb);
        System.out.printf(Locale.ROOT, "%-40s %10s %10.4f%n", "hold-out nDCG@10 (same split)", spark.get("ndcg10"),
                jobNdcg);
        System.out.println("(the job's wall time also covers staging, publishing and the run history; Spark's stops"
                + " once the lists are computed)");
    }

    private static void row(String stage, double spark, double ours) {
        System.out.printf(Locale.ROOT, "%-40s %10.2f %10.2f %7.1fx%n", stage, spark, ours, spark / ours);
    }

    private static double d(Map<String, String> fields, String key) {
        return Double.parseDouble(fields.get(key));
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }
}
