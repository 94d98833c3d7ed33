package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;

/**
 * The work a candidate costs, in multiply-adds from each algorithm's cost formula and the data's shape alone. The
 * selection's budget is counted in these units rather than seconds, so the same data and configuration spend it
 * the same way on an idle or a busy machine. Measured rates (docs/performance.md) turn units into minutes.
 */
final class CostModel {

    private CostModel() {
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
