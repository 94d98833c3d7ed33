package com.beershop.reco.bench;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.IdDictionary;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InteractionMatrixBuilder;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.Workers;
import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Command-line comparison of algorithms on a ratings file, for choosing defaults offline: the {@code evaluate} mode's
 * split, metrics and evaluator on any {@code user item rating} file, or training times on a synthetic matrix. A
 * developer tool, so it lives with the benchmark and not in the production jar:
 * {@code mvn -B -Pbenchmark test-compile exec:exec -Dbench.main=com.beershop.reco.bench.CompareAlgorithmsMain
 * -Dbench.args="FILE ials most-popular"}.
 *
 * <pre>
 * CompareAlgorithmsMain [--test-fraction=0.25] [--seed=42] [--n=10] FILE SPEC...
 * CompareAlgorithmsMain --synthetic=USERSxITEMSxRATINGS [--seed=42] SPEC...   (times training only)
 * </pre>
 * FILE has one {@code user item rating} per line, separated by whitespace or commas; lines whose rating does not
 * parse (headers, comments) are skipped. A SPEC is {@code name[:key=value,key=value...]}, e.g.
 * {@code ials:factors=64,alpha=10 ease:lambda=300 most-popular}. All specs are evaluated on the same split.
 */
public final class CompareAlgorithmsMain {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private CompareAlgorithmsMain() {
    }

    public static void main(String[] args) throws IOException {
        double testFraction = 0.25;
        long seed = 42;
        int n = 10;
        String synthetic = null;
        Path file = null;
        List<AlgorithmSpec> specs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--test-fraction=")) {
                testFraction = Double.parseDouble(value(arg));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value(arg));
            } else if (arg.startsWith("--n=")) {
                n = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--synthetic=")) {
                synthetic = value(arg);
            } else if (file == null && synthetic == null) {
                file = Path.of(arg);
            } else {
                specs.add(AlgorithmSpec.parse(arg));
            }
        }
        if ((file == null && synthetic == null) || specs.isEmpty()) {
            System.err.println("usage: CompareAlgorithmsMain [--test-fraction=0.25] [--seed=42] [--n=10] FILE SPEC...");
            System.err.println("       CompareAlgorithmsMain --synthetic=50000x5000x1000000 [--seed=42] SPEC...");
            System.exit(2);
        }
        if (synthetic != null) {
            timeTraining(synthetic, seed, specs);
            return;
        }
        long loadStart = System.nanoTime();
        InteractionMatrix ratings = load(file);
        System.out.printf(Locale.ROOT, "%s: %d users x %d items, %d ratings (loaded in %.1f s); "
                        + "per-user hold-out %.2f, seed %d, N=%d%n",
                file, ratings.numUsers(), ratings.numItems(), ratings.numRatings(),
                (System.nanoTime() - loadStart) / 1e9, testFraction, seed, n);
        HoldoutSplit split = HoldoutSplit.perUser(ratings, testFraction, seed);
        List<EvaluationResult> results = new ArrayList<>();
        try (Workers workers = Workers.of(0)) {
            OfflineEvaluator evaluator = new OfflineEvaluator(n, null, workers);
            for (AlgorithmSpec spec : specs) {
                results.add(evaluator.evaluate(trainer(spec, workers), split));
            }
        }
        printTable(results, n);
    }

    /** Every algorithm the job offers, LibRec's included, built the way the job builds them. */
    static Trainer trainer(AlgorithmSpec spec, Workers workers) {
        return TrainerCatalog.standard(workers).create(spec);
    }

    /** Reads {@code user item rating} lines; ids are interned in first-seen order. */
    static InteractionMatrix load(Path file) throws IOException {
        IdDictionary users = new IdDictionary();
        IdDictionary items = new IdDictionary();
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = SEPARATORS.split(line.trim());
                if (fields.length < 3) {
                    continue;
                }
                float rating;
                try {
                    rating = Float.parseFloat(fields[2]);
                } catch (NumberFormatException e) {
                    continue;
                }
                builder.add(users.intern(fields[0]), items.intern(fields[1]), rating, Long.MIN_VALUE);
            }
        }
        return builder.build(users.size(), items.size());
    }

    /**
     * A random matrix with skewed activity and popularity (a few heavy users and blockbuster items, a long tail),
     * which is what makes per-row work uneven in real data.
     */
    static InteractionMatrix synthetic(int numUsers, int numItems, int numRatings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrixBuilder builder = new InteractionMatrixBuilder();
        for (int r = 0; r < numRatings; r++) {
            int user = (int) (numUsers * Math.pow(random.nextDouble(), 2.0));
            int item = (int) (numItems * Math.pow(random.nextDouble(), 3.0));
            builder.add(user, item, 1 + random.nextInt(5), Long.MIN_VALUE);
        }
        return builder.build(numUsers, numItems);
    }

    private static void timeTraining(String shape, long seed, List<AlgorithmSpec> specs) {
        String[] parts = shape.toLowerCase(Locale.ROOT).split("x");
        InteractionMatrix ratings = synthetic(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), seed);
        System.out.printf(Locale.ROOT, "synthetic: %d users x %d items, %d distinct ratings%n",
                ratings.numUsers(), ratings.numItems(), ratings.numRatings());
        try (Workers workers = Workers.of(0)) {
            for (AlgorithmSpec spec : specs) {
                Trainer trainer = trainer(spec, workers);
                long start = System.nanoTime();
                trainer.train(ratings, seed);
                double seconds = (System.nanoTime() - start) / 1e9;
                int iterations = spec.name().equals(ImplicitAlsTrainer.NAME)
                        ? spec.intParam("iterations", ImplicitAlsTrainer.DEFAULT_ITERATIONS) : 1;
                System.out.printf(Locale.ROOT, "%-12s %-70s train %.2f s, %.2f s per iteration%n",
                        trainer.algorithm(), trainer, seconds, seconds / iterations);
            }
        }
    }

    private static void printTable(List<EvaluationResult> results, int n) {
        String header = String.format(Locale.ROOT, "%-12s | %-80s | %7s | %7s | %7s | %7s | %8s | %7s | %7s | %6s",
                "algorithm", "params", "P@" + n, "R@" + n, "nDCG@" + n, "MAP@" + n, "coverage", "train s", "score s",
                "users");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (EvaluationResult r : results) {
            System.out.printf(Locale.ROOT, "%-12s | %-80s | %7.4f | %7.4f | %7.4f | %7.4f | %8.4f | %7.2f | %7.2f | %6d%n",
                    r.algorithm(), Trainer.describe(r.params()), r.precision(), r.recall(), r.ndcg(), r.map(),
                    r.coverage(), r.trainSeconds(), r.scoreSeconds(), r.usersEvaluated());
        }
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
