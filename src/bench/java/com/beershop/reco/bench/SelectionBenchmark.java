package com.beershop.reco.bench;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.evaluation.selection.CandidateScore;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.evaluation.selection.SearchSpace;
import com.beershop.reco.evaluation.selection.SelectionResult;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.ListPolicy;
import com.beershop.reco.scoring.ScoringInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protocol of the hidden-data measurement, on a file we have: an outer per-user split (75/25, seed
 * {@code outer-seed}) stands for the shop's future; the "job" sees only the outer training part, carves the gate's
 * split from it (75/25, seed 42) and runs model selection on the gate's training part; the chosen configuration is
 * then trained on the whole outer training part (what the job publishes) and scored on the outer hold-out.
 *
 * <pre>
 * SelectionBenchmark file=ratings.txt [outer-seeds=1,2,3] [work-budget=1e12] [wall-limit=1200] [max-ratings=500000]
 *                    [candidates="ials:factors=8|16;ease:lambda=100|300"] [min-value=0]
 * </pre>
 * The file has {@code user item value} per line (whitespace or comma separated; unparsable lines skipped);
 * values below {@code min-value} are dropped.
 */
public final class SelectionBenchmark {

    private SelectionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        InteractionMatrix ratings = load(Path.of(options.get("file")));
        double budget = Double.parseDouble(options.getOrDefault("work-budget", "1e12"));
        int maxRatings = Integer.parseInt(options.getOrDefault("max-ratings", "500000"));
        SearchSpace space = options.containsKey("candidates")
                ? SearchSpace.parse(List.of(options.get("candidates").split(";")))
                : SearchSpace.parse(SearchSpace.DEFAULT_ENTRIES);
        AlgorithmSpec fallback = AlgorithmSpec.parse(options.getOrDefault("fallback", "ials"));
        System.out.printf(Locale.ROOT, "%s: %d users x %d items, %d ratings; %d candidates, work budget %.2e units%n",
                options.get("file"), ratings.numUsers(), ratings.numItems(), ratings.numRatings(), space.size(), budget);
        // all cores; the pool's daemon threads end with main
        TrainerCatalog catalog = TrainerCatalog.standard(Workers.of(0));
        for (String outerSeed : options.getOrDefault("outer-seeds", "1").split(",")) {
            HoldoutSplit outer = HoldoutSplit.perUser(ratings, 0.25, Long.parseLong(outerSeed));
            HoldoutSplit gate = HoldoutSplit.perUser(outer.train(), 0.25, 42);
            ModelSelector selector = new ModelSelector(catalog, space,
                    new ModelSelector.Settings(Double.parseDouble(options.getOrDefault("validation", "0.25")), maxRatings, budget,
                            Double.parseDouble(options.getOrDefault("wall-limit", "1200")), ListPolicy.topN(10), 0, 42,
                            Double.parseDouble(options.getOrDefault("min-gain", "0"))));
            SelectionResult result = selector.select(gate, ScoringInput.of(outer.train()), fallback);
            OfflineEvaluator evaluator = new OfflineEvaluator(10, null, catalog.workers());
            EvaluationResult chosen = evaluator.evaluate(catalog.create(result.chosen()), outer);
            EvaluationResult popular = evaluator.evaluate(catalog.create(AlgorithmSpec.parse("most-popular")), outer);
            EvaluationResult configured = evaluator.evaluate(catalog.create(fallback), outer);
            for (CandidateScore c : result.candidates()) {
                System.out.printf(Locale.ROOT, "  %-60s %-9s %.4f %6.2f s %s%n", c.spec(), c.status(), c.ndcg(),
                        c.seconds(), c.note());
            }
            System.out.printf(Locale.ROOT, "SELECT outer-seed=%s chosen=%s validation_ndcg=%.4f test_ndcg=%.4f "
                            + "most_popular=%.4f fallback=%.4f selection_s=%.1f evaluated=%d/%d%n",
                    outerSeed, result.chosen(), result.chosenNdcg(), chosen.ndcg(), popular.ndcg(), configured.ndcg(),
                    result.seconds(), result.evaluated(), result.candidates().size());
        }
    }

    static InteractionMatrix load(Path file) throws IOException {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.trim().split("[\\s,;]+");
                if (fields.length < 3) {
                    continue;
                }
                float value;
                try {
                    value = Float.parseFloat(fields[2]);
                } catch (NumberFormatException e) {
                    continue;
                }
                int u = users.computeIfAbsent(fields[0], k -> users.size());
                int i = items.computeIfAbsent(fields[1], k -> items.size());
                builder.add(u, i, value, Long.MIN_VALUE);
            }
        }
        return builder.build(users.size(), items.size());
    }
}
