package com.beershop.reco.evaluation;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.scoring.ScoringInput;
import com.beershop.reco.text.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same candidates on several per-user splits (seeds {@code seed, seed + 1, ...}), so that a difference between
 * two configurations can be told from the noise of one split: nDCG@N per seed, its mean and standard deviation.
 * A candidate that fails on a seed gets NaN there and is left out of its mean. With a time-aware split the
 * held-out ratings are the same on every seed and only the models' training seed changes: the spread is then the
 * training noise alone.
 */
public final class SeedSpread {

    private final TrainerCatalog trainers;
    private final HoldoutProtocol protocol;
    private final int topN;

    public SeedSpread(TrainerCatalog trainers, HoldoutProtocol protocol) {
        this.trainers = trainers;
        this.protocol = protocol;
        this.topN = protocol.topN();
    }

    /** One candidate's nDCG@N on each seed, in seed order. */
    public record Row(AlgorithmSpec spec, double[] ndcg) {

        public double mean() {
            return Arrays.stream(ndcg).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }

        /** Sample standard deviation; 0 for one value. */
        public double sd() {
            double[] values = Arrays.stream(ndcg).filter(v -> !Double.isNaN(v)).toArray();
            if (values.length < 2) {
                return values.length == 1 ? 0 : Double.NaN;
            }
            double mean = mean();
            return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
        }
    }

    public List<Row> measure(List<AlgorithmSpec> candidates, ScoringInput input, long firstSeed, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, was " + seeds);
        }
        OfflineEvaluator evaluator = protocol.evaluator(input, trainers.workers());
        double[][] ndcg = new double[candidates.size()][seeds];
        for (int s = 0; s < seeds; s++) {
            HoldoutSplit split = protocol.withSeed(firstSeed + s).split(input.ratings());
            for (int c = 0; c < candidates.size(); c++) {
                try {
                    ndcg[c][s] = evaluator.evaluate(trainers.create(candidates.get(c)), split).ndcg();
                } catch (RuntimeException e) {
                    ndcg[c][s] = Double.NaN;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            rows.add(new Row(candidates.get(c), ndcg[c]));
        }
        return rows;
    }

    public String table(List<Row> rows, long firstSeed) {
        int seeds = rows.isEmpty() ? 0 : rows.get(0).ndcg().length;
        List<String> header = new ArrayList<>(List.of("candidate", "mean nDCG@" + topN, "sd"));
        for (int s = 0; s < seeds; s++) {
            header.add("seed " + (firstSeed + s));
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>(List.of(row.spec().toString(), f(row.mean()), f(row.sd())));
            for (double v : row.ndcg()) {
                cells.add(f(v));
            }
            table.add(cells.toArray());
        }
        return table.toString();
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
