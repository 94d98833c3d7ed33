package com.beershop.reco.bench;

import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.RankingMetrics;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.scoring.StyleDiversifier;
import com.beershop.reco.scoring.TopNSelector;
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
 * nDCG@10 and intra-list style diversity of the style re-rank for several knob values, on a sample-data folder
 * (products.csv with a style, ratings.csv), 75/25 per-user split, mean over the given seeds.
 *
 * <pre>DiversityBenchmark dir=sample-data [spec=ials] [seeds=1,2,3] [weights=0,0.05,0.1,0.2,0.3,0.5]</pre>
 */
public final class DiversityBenchmark {

    private static final int N = 10;

    private DiversityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = Path.of(options.getOrDefault("dir", "sample-data"));
        Map<String, Integer> itemIds = new HashMap<>();
        Map<String, Integer> styleIds = new HashMap<>();
        List<String> products = Files.readAllLines(dir.resolve("products.csv"), StandardCharsets.UTF_8);
        int[] styles = new int[products.size()];
        for (String line : products.subList(1, products.size())) {
            List<String> f = splitCsv(line);
            int item = itemIds.computeIfAbsent(f.get(0), k -> itemIds.size());
            styles[item] = styleIds.computeIfAbsent(f.get(2), k -> styleIds.size());
        }
        Map<String, Integer> users = new HashMap<>();
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        List<String> ratingLines = Files.readAllLines(dir.resolve("ratings.csv"), StandardCharsets.UTF_8);
        for (String line : ratingLines.subList(1, ratingLines.size())) {
            List<String> f = splitCsv(line);
            builder.add(users.computeIfAbsent(f.get(0), k -> users.size()), itemIds.get(f.get(1)),
                    Float.parseFloat(f.get(2)), Long.MIN_VALUE);
        }
        InteractionMatrix ratings = builder.build(users.size(), itemIds.size());
        AlgorithmSpec spec = AlgorithmSpec.parse(options.getOrDefault("spec", "ials"));
        String[] seeds = options.getOrDefault("seeds", "1,2,3").split(",");
        String[] weights = options.getOrDefault("weights", "0,0.05,0.1,0.2,0.3,0.5").split(",");
        System.out.printf(Locale.ROOT, "%s: %d users, %d products, %d styles, %d ratings; %s; seeds %s%n", dir,
                ratings.numUsers(), ratings.numItems(), styleIds.size(), ratings.numRatings(), spec,
                String.join(",", seeds));
        System.out.println("| weight | nDCG@10 (mean ± sd over seeds) | distinct styles in top 10 | lists with > 5 of one style |");
        System.out.println("|---|---|---|---|");
        double[][] ndcg = new double[weights.length][seeds.length];
        double[][] distinct = new double[weights.length][seeds.length];
        double[][] crowded = new double[weights.length][seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            HoldoutSplit split = HoldoutSplit.perUser(ratings, 0.25, Long.parseLong(seeds[s]));
            TrainedModel model = TrainerCatalog.standard(Workers.of(0)).create(spec).train(split.train(), split.seed());
            for (int w = 0; w < weights.length; w++) {
                double[] m = measure(model, split, styles, styleIds.size(), Double.parseDouble(weights[w]));
                ndcg[w][s] = m[0];
                distinct[w][s] = m[1];
                crowded[w][s] = m[2];
            }
        }
        for (int w = 0; w < weights.length; w++) {
            System.out.printf(Locale.ROOT, "| %s | %.4f ± %.4f | %.2f | %.1f %% |%n", weights[w], mean(ndcg[w]),
                    sd(ndcg[w]), mean(distinct[w]), 100 * mean(crowded[w]));
        }
    }

    private static double[] measure(TrainedModel model, HoldoutSplit split, int[] styles, int numStyles, double weight) {
        InteractionMatrix train = split.train();
        int pool = N * StyleDiversifier.POOL_FACTOR;
        TopNSelector selector = new TopNSelector(pool);
        StyleDiversifier diversifier = new StyleDiversifier(styles, weight, pool);
        float[] scores = new float[train.numItems()];
        int[] candidates = new int[pool];
        int[] list = new int[N];
        double ndcg = 0;
        double distinct = 0;
        double crowded = 0;
        int users = 0;
        for (int u = 0; u < split.numUsers(); u++) {
            if (split.testSize(u) == 0) {
                continue;
            }
            model.scoreUser(u, scores);
            int found = selector.select(scores, null, train, u, candidates);
            int count = diversifier.rerank(candidates, found, N, list);
            int[] ranked = Arrays.copyOf(list, count);
            ndcg += RankingMetrics.ndcg(ranked, split.testItems(u), N);
            int[] perStyle = new int[numStyles];
            int kinds = 0;
            int most = 0;
            for (int item : ranked) {
                if (perStyle[styles[item]]++ == 0) {
                    kinds++;
                }
                most = Math.max(most, perStyle[styles[item]]);
            }
            distinct += kinds;
            crowded += most > 5 ? 1 : 0;
            users++;
        }
        return new double[] {ndcg / users, distinct / users, crowded / users};
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1));
    }

    /** Comma-separated fields; a field in double quotes may contain commas and doubled quotes. */
    private static List<String> splitCsv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
