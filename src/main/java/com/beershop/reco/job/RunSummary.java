package com.beershop.reco.job;

import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The short human summary printed at the end of every run. */
@Component
public class RunSummary {

    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);
    private static final int EXAMPLE_RATED = 3;

    public void print(RunRecord r, RunState state) {
        StringBuilder out = new StringBuilder("\n=== beer-reco-batch run ").append(r.jobExecutionId).append(" ===\n");
        line(out, "outcome", r.outcome + (r.outcomeReason == null ? "" : " (" + r.outcomeReason + ")")
                + ", exit code " + r.exitCode);
        line(out, "ratings", String.format(Locale.ROOT, "%d read, %d rejected %s, %s duplicates, %s used",
                r.ratingsRead, r.ratingsRejected, r.rejectedByReason, r.duplicateRatings, r.ratingsUsed));
        line(out, "users / products", r.users + " / " + r.products);
        line(out, "algorithm", r.algorithm + " " + r.params + " seed " + r.seed);
        if (r.ndcgAtN != null) {
            line(out, "hold-out @" + r.topN, String.format(Locale.ROOT,
                    "nDCG %.4f  P %.4f  R %.4f  MAP %.4f  coverage %.3f%s  (most-popular nDCG %s)",
                    r.ndcgAtN, r.precisionAtN, r.recallAtN, r.mapAtN, r.coverage,
                    r.rmse == null || r.rmse.isNaN() ? "" : String.format(Locale.ROOT, "  RMSE %.4f  MAE %.4f", r.rmse, r.mae),
                    r.baselineNdcgAtN == null ? "n/a" : String.format(Locale.ROOT, "%.4f", r.baselineNdcgAtN)));
        }
        if (r.gateVerdict != null) {
            line(out, "quality gate", r.gateVerdict + ": " + r.gateReason);
        }
        line(out, "rows published", String.valueOf(r.rowsPublished));
        line(out, "seconds per step", r.stepSeconds);
        if (r.published) {
            example(out, state);
        }
        log.info(out.toString());
    }

    /** A few recommendations for the most active user, with names, so a person can judge them at a glance. */
    private static void example(StringBuilder out, RunState state) {
        TrainingData data = state.data();
        RecommendationLists lists = state.recommendations();
        InteractionMatrix ratings = data.ratings();
        int user = 0;
        for (int u = 1; u < ratings.numUsers(); u++) {
            if (ratings.rowSize(u) > ratings.rowSize(user)) {
                user = u;
            }
        }
        out.append(String.format(Locale.ROOT, "  example: user %s rated %d products; liked best:%n",
                data.users().idAt(user), ratings.rowSize(user)));
        for (int k : topRatedEntries(ratings, user, EXAMPLE_RATED)) {
            out.append("      ").append(describe(state, data.products().idAt(ratings.itemAt(k))))
                    .append(" rated ").append(ratings.valueAt(k)).append('\n');
        }
        out.append("    and is recommended:\n");
        for (int rank = 0; rank < lists.count(user); rank++) {
            out.append(String.format(Locale.ROOT, "    %2d. %s%n", rank + 1,
                    describe(state, data.products().idAt(lists.item(user, rank)))));
        }
    }

    /** Offsets of the user's highest ratings, best first (ties: lower item index first). */
    private static int[] topRatedEntries(InteractionMatrix ratings, int user, int count) {
        return java.util.stream.IntStream.range(ratings.rowStart(user), ratings.rowEnd(user)).boxed()
                .sorted((a, b) -> Float.compare(ratings.valueAt(b), ratings.valueAt(a)))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static String describe(RunState state, String productId) {
        Product product = state.catalog().find(productId);
        return product == null ? productId : productId + " " + product.name() + " (" + product.style() + ")";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-18s %s%n", label + ":", value));
    }
}
