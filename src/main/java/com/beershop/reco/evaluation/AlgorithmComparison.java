package com.beershop.reco.evaluation;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.scoring.ScoringInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beershop.reco.text.TextTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code evaluate} mode's work: every candidate configuration on one and the same per-user hold-out, judged
 * on the lists publishing would produce. A candidate that cannot run is reported and skipped.
 */
public final class AlgorithmComparison {

    private static final Logger log = LoggerFactory.getLogger(AlgorithmComparison.class);

    private final TrainerCatalog trainers;
    private final HoldoutProtocol protocol;

    public AlgorithmComparison(TrainerCatalog trainers, HoldoutProtocol protocol) {
        this.trainers = trainers;
        this.protocol = protocol;
    }

    /** One candidate's result: either an evaluation or the reason it could not run. */
    public record Candidate(AlgorithmSpec spec, EvaluationResult result, String failure) {
        public boolean failed() {
            return result == null;
        }
    }

    /**
     * Evaluates every candidate, handing each result to {@code onResult} as soon as it is known (so a long
     * comparison records what it has if it dies half-way).
     */
    public List<Candidate> compare(List<AlgorithmSpec> candidates, ScoringInput input, Consumer<Candidate> onResult) {
        candidates.forEach(trainers::create); // fail on a typo before hours of training
        HoldoutSplit split = protocol.split(input.ratings());
        OfflineEvaluator evaluator = protocol.evaluator(input, trainers.workers());
        List<Candidate> results = new ArrayList<>();
        int index = 0;
        for (AlgorithmSpec spec : candidates) {
            index++;
            log.info("Evaluating candidate {}/{}: {}", index, candidates.size(), spec);
            Candidate candidate;
            try {
                candidate = new Candidate(spec, evaluator.evaluate(trainers.create(spec), split), null);
            } catch (RuntimeException e) {
                log.warn("Candidate {} failed: {}", spec, e.getMessage());
                candidate = new Candidate(spec, null, String.valueOf(e.getMessage()));
            }
            results.add(candidate);
            onResult.accept(candidate);
        }
        return results;
    }

    /** The comparison as a plain-text table, one row per candidate in the order evaluated. */
    public String table(List<Candidate> candidates) {
        TextTable table = new TextTable("algorithm", "params", "P@" + protocol.topN(), "R@" + protocol.topN(), "nDCG@" + protocol.topN(),
                "MAP@" + protocol.topN(), "coverage", "RMSE", "train s", "score s");
        for (Candidate c : candidates) {
            EvaluationResult r = c.result();
            if (c.failed()) {
                table.add(c.spec().name(), new TreeMap<>(c.spec().params()), "failed: " + c.failure());
            } else {
                table.add(c.spec().name(), Trainer.describe(r.params()), f(r.precision()), f(r.recall()), f(r.ndcg()),
                        f(r.map()), f(r.coverage()), Double.isNaN(r.rmse()) ? "-" : f(r.rmse()),
                        String.format(Locale.ROOT, "%.2f", r.trainSeconds()),
                        String.format(Locale.ROOT, "%.2f", r.scoreSeconds()));
            }
        }
        return table.toString();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
