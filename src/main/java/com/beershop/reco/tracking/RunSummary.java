package com.beershop.reco.tracking;

import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.ingest.Product;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.outcome.RunOutcome;
import com.beershop.reco.scoring.RecommendationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The short human summary printed at the end of every run. Customer data (one user's id, best ratings and
 * recommendations) is in it only when asked for: production logs are shipped and kept, and need none.
 */
public final class RunSummary {

    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);
    private static final int EXAMPLE_RATED = 3;

    private final boolean exampleUser;

    /** @param exampleUser add the most active user's ratings and recommendations (reco.job.log-example-user) */
    public RunSummary(boolean exampleUser) {
        this.exampleUser = exampleUser;
    }

    /**
     * @param input the run's checked input, or null when it did not get that far
     * @param lists the published lists, or null
     */
    public void print(RunRecord r, CheckedInput input, RecommendationLists lists) {
        StringBuilder out = new StringBuilder("\n=== beer-reco-batch run ").append(r.jobExecutionId()).append(" ===\n");
        line(out, "outcome", r.outcome() + (r.outcomeReason() == null ? "" : " (" + r.outcomeReason() + ")")
                + ", exit code " + r.exitCode());
        line(out, "ratings", String.format(Locale.ROOT, "%d read, %d rejected %s, %s duplicates, %s used",
                r.ratingsRead(), r.ratingsRejected(), r.rejectedByReason(), r.duplicateRatings(), r.ratingsUsed()));
        line(out, "users / products", r.users() + " / " + r.products());
        line(out, "algorithm", r.algorithm() + " " + r.params() + " seed " + r.seed());
        if (r.ndcgAtN() != null) {
            line(out, "hold-out @" + r.topN(), String.format(Locale.ROOT,
                    "nDCG %.4f  P %.4f  R %.4f  MAP %.4f  coverage %.3f%s  (most-popular nDCG %s)",
                    r.ndcgAtN(), r.precisionAtN(), r.recallAtN(), r.mapAtN(), r.coverage(),
                    r.rmse() == null ? "" : String.format(Locale.ROOT, "  RMSE %.4f  MAE %.4f", r.rmse(), r.mae()),
                    r.baselineNdcgAtN() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", r.baselineNdcgAtN())));
        }
        if (r.gateVerdict() != null) {
            line(out, "quality gate", r.gateVerdict() + ": " + r.gateReason());
        }
        // a rehearsal's rows were inserted and rolled back: what the night would have published
        line(out, r.endedWith(RunOutcome.REHEARSED) ? "rows rehearsed" : "rows published",
                String.valueOf(r.rowsPublished()));
        line(out, "seconds per step", r.stepSeconds());
        if (exampleUser && r.published() && input != null && lists != null) {
            example(out, input, lists);
        }
        log.info(out.toString());
    }

    /** A few recommendations for the most active user, with names, so a person can judge them at a glance. */
    private static void example(StringBuilder out, CheckedInput input, RecommendationLists lists) {
        TrainingData data = input.data();
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
            out.append("      ").append(describe(input, data.products().idAt(ratings.itemAt(k))))
                    .append(" rated ").append(ratings.valueAt(k)).append('\n');
        }
        out.append("    and is recommended:\n");
        for (int rank = 0; rank < lists.count(user); rank++) {
            out.append(String.format(Locale.ROOT, "    %2d. %s%n", rank + 1,
                    describe(input, data.products().idAt(lists.item(user, rank)))));
        }
    }

    /** Offsets of the user's highest ratings, best first (ties: lower item index first). */
    private static int[] topRatedEntries(InteractionMatrix ratings, int user, int count) {
        return IntStream.range(ratings.rowStart(user), ratings.rowEnd(user)).boxed()
                .sorted((a, b) -> Float.compare(ratings.valueAt(b), ratings.valueAt(a)))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static String describe(CheckedInput input, String productId) {
        Product product = input.catalog().find(productId);
        return product == null ? productId : productId + " " + product.name() + " (" + product.style() + ")";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-18s %s%n", label + ":", value));
    }
}
