package com.beershop.reco.bench;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.evaluation.HoldoutSplit;
import com.beershop.reco.evaluation.OfflineEvaluator;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import com.beershop.reco.sample.SampleDataGenerator;
import com.beershop.reco.sample.SampleSize;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * How many iterations the published model needs from the gate's model. A night trains the gate's model on 75 % of
 * each user's ratings, then the published model on all of them, warm-started from it. Which warm start is enough
 * can only be judged on ratings neither model saw, so this nests the night inside an outer hold-out: the outer
 * split's training part is "all the ratings" of a night; each published model, warm-started for w iterations or
 * trained from scratch, is judged on the outer split's held-out ratings.
 *
 * <pre>
 * mvn -B -Pbenchmark test-compile exec:exec -Dbench.main=com.beershop.reco.bench.WarmStartBenchmark \
 *     -Dbench.args="size=M spec=ials:alpha=10,factors=64,reg=0.02 warm=2,3,5"
 * </pre>
 */
public final class WarmStartBenchmark {

    private WarmStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = NightlyRunBenchmark.options(args);
        SampleSize size = SampleSize.valueOf(options.getOrDefault("size", "M").toUpperCase(Locale.ROOT));
        AlgorithmSpec spec = AlgorithmSpec.parse(options.getOrDefault("spec", "ials"));
        RatingsCollector collector = new RatingsCollector();
        new SampleDataGenerator(size.spec()).generate(product -> { }, collector::accept);
        InteractionMatrix all = collector.matrix();
        TrainerCatalog catalog = TrainerCatalog.standard(Workers.of(0));
        Workers workers = catalog.workers();

        HoldoutSplit outer = HoldoutSplit.perUser(all, 0.25, 7);
        InteractionMatrix night = outer.train();
        HoldoutSplit gateSplit = HoldoutSplit.perUser(night, 0.25, 42);
        Trainer trainer = catalog.create(spec);
        int iterations = (Integer) trainer.effectiveParams().get("iterations");
        TrainedModel gate = workers.call(() -> trainer.train(gateSplit.train(), 42));
        OfflineEvaluator judge = new OfflineEvaluator(10, null, workers);
        System.out.printf(Locale.ROOT, "size=%s %s: %d ratings; the night's %d ratings; the gate's model on %d%n", size,
                spec, all.numRatings(), night.numRatings(), gateSplit.train().numRatings());
        System.out.println("| published model | training s | outer nDCG@10 | outer recall@10 | load average |");
        System.out.println("|---|---|---|---|---|");
        report("gate's model as it is (0 iterations on all)", 0, judge.evaluate(fixed(trainer, gate), outer));
        for (String w : options.getOrDefault("warm", "2,3,5").split(",")) {
            int warm = Integer.parseInt(w.trim());
            // trainFrom runs max(2, (iterations + 2) / 3) iterations: ask for 3w - 2 to get w
            Trainer warmTrainer = catalog.create(withIterations(spec, 3 * warm - 2));
            long start = System.nanoTime();
            TrainedModel model = workers.call(() -> warmTrainer.trainFrom(night, 42, gate));
            report("warm start, " + warm + " iterations", seconds(start), judge.evaluate(fixed(trainer, model), outer));
        }
        long start = System.nanoTime();
        TrainedModel cold = workers.call(() -> trainer.train(night, 42));
        report("from scratch, " + iterations + " iterations", seconds(start),
                judge.evaluate(fixed(trainer, cold), outer));
        System.exit(0);
    }

    private static AlgorithmSpec withIterations(AlgorithmSpec spec, int iterations) {
        String text = spec.text();
        return AlgorithmSpec.parse(text + (text.contains(":") ? "," : ":") + "iterations=" + iterations);
    }

    private static void report(String what, double seconds, EvaluationResult result) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.4f | %.4f | %.2f |%n", what, seconds, result.ndcg(),
                result.recall(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A trainer that hands back a model already trained: the evaluator judges it as it is. */
    private static Trainer fixed(Trainer like, TrainedModel model) {
        return new Trainer() {
            @Override
            public String algorithm() {
                return like.algorithm();
            }

            @Override
            public Map<String, Object> effectiveParams() {
                return like.effectiveParams();
            }

            @Override
            public TrainedModel train(InteractionMatrix ratings, long seed) {
                return model;
            }
        };
    }
}
