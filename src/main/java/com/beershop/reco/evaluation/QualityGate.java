package com.beershop.reco.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a run's model is good enough to replace what the website shows. Three checks on the hold-out
 * nDCG@N: an absolute floor, beating most-popular on the same split, and not dropping more than allowed against
 * the last published run when the data changed little (a big data change may move the metric for good reasons).
 */
public final class QualityGate {

    private final boolean enabled;
    private final double minNdcg;
    private final boolean mustBeatPopularity;
    private final double maxRelativeDrop;
    private final double dataChangeThreshold;
    private final boolean forcePublish;

    public QualityGate(boolean enabled, double minNdcg, boolean mustBeatPopularity, double maxRelativeDrop,
                       double dataChangeThreshold, boolean forcePublish) {
        this.enabled = enabled;
        this.minNdcg = minNdcg;
        this.mustBeatPopularity = mustBeatPopularity;
        this.maxRelativeDrop = maxRelativeDrop;
        this.dataChangeThreshold = dataChangeThreshold;
        this.forcePublish = forcePublish;
    }

    /**
     * @param ndcg this run's hold-out nDCG@N
     * @param popularityNdcg most-popular's nDCG@N on the same split, or NaN when the model is most-popular itself
     * @param ratings ratings this run trained on
     * @param last the last published run, or null
     */
    public Verdict judge(double ndcg, double popularityNdcg, long ratings, PublishedReference last) {
        if (!enabled) {
            return new Verdict(Decision.SKIPPED, "quality gate disabled by configuration", true);
        }
        List<String> failures = new ArrayList<>();
        if (Double.isNaN(ndcg) || ndcg < minNdcg) {
            failures.add(String.format(Locale.ROOT, "nDCG %.4f is below the floor %.4f", ndcg, minNdcg));
        }
        if (mustBeatPopularity && !Double.isNaN(popularityNdcg) && !(ndcg > popularityNdcg)) {
            failures.add(String.format(Locale.ROOT, "nDCG %.4f does not beat most-popular's %.4f on the same split",
                    ndcg, popularityNdcg));
        }
        if (last != null && last.ratingsUsed() > 0) {
            double dataChange = Math.abs(ratings - last.ratingsUsed()) / (double) last.ratingsUsed();
            double allowed = last.ndcg() * (1 - maxRelativeDrop);
            if (dataChange <= dataChangeThreshold && ndcg < allowed) {
                failures.add(String.format(Locale.ROOT,
                        "nDCG %.4f dropped more than %.0f%% below the last published run's %.4f (run %d) while the data changed %.1f%%",
                        ndcg, maxRelativeDrop * 100, last.ndcg(), last.jobExecutionId(), dataChange * 100));
            }
        }
        if (failures.isEmpty()) {
            return new Verdict(Decision.PASSED, String.format(Locale.ROOT, "nDCG %.4f passed every check", ndcg), true);
        }
        String reason = String.join("; ", failures);
        if (forcePublish) {
            return new Verdict(Decision.OVERRIDDEN, "publish forced by reco.gate.force-publish despite: " + reason, true);
        }
        return new Verdict(Decision.REFUSED, reason, false);
    }

    public enum Decision { PASSED, REFUSED, OVERRIDDEN, SKIPPED }

    /** What the gate said, why, and whether the run may publish. */
    public record Verdict(Decision decision, String reason, boolean mayPublish) {
    }
}
