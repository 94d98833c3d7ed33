package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import java.util.HashMap;
import java.util.Map;

/**
 * Predicts how long a candidate will take, so the selection skips what cannot finish inside its budget instead
 * of overrunning it. Work is counted in multiply-adds from each algorithm's cost formula; seconds per unit start
 * from a cautious guess and are replaced by the measured rate of the same algorithm once one candidate ran.
 */
final class CostModel {

    // multiply-adds per second assumed before any measurement: below what 2 busy cores reach for either algorithm
    private static final double INITIAL_RATE = 5e8;

    private final Map<String, Double> rates = new HashMap<>();

    /** Estimated seconds for {@code spec} on {@code data}. */
    double seconds(AlgorithmSpec spec, InteractionMatrix data) {
        return units(spec, data) / rates.getOrDefault(spec.name(), INITIAL_RATE);
    }

    /** Learns from a finished candidate; the slowest observed rate wins, so estimates stay on the cautious side. */
    void observe(AlgorithmSpec spec, InteractionMatrix data, double seconds) {
        double rate = units(spec, data) / Math.max(seconds, 1e-3);
        rates.merge(spec.name(), rate, Math::min);
    }

    static double units(AlgorithmSpec spec, InteractionMatrix data) {
        double nnz = data.numRatings();
        double users = data.numUsers();
        double items = data.numItems();
        return switch (spec.name()) {
            case "ease" -> items * items * items / 2 + users * items * 10;
            case "ials" -> {
                double k = spec.intParam("factors", 8);
                double steps = spec.intParam("cg-steps", 3) + 1;
                double iterations = spec.intParam("iterations", 15);
                // per half-iteration: every rating k-long dot and axpy per CG step, every row k² per step;
                // then scoring every validation user against every item
                yield iterations * steps * (4 * nnz * k + (users + items) * k * k) + users * items * k;
            }
            case "most-popular", "recent-popular" -> nnz + users * items;
            // LibRec's trainers: no formula of ours; a rough per-rating cost so the budget still bounds them
            default -> nnz * 1000 + users * items * 10;
        };
    }
}
