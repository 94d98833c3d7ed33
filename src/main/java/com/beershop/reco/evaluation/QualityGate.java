package com.beershop.reco.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a run's model is good enough to replace what the website shows. Every check compares like with
 * like, on tonight's hold-out: an absolute floor on nDCG@N (a broken model), beating most-popular on the same split,
 * and not falling more than allowed below the last published configuration evaluated again on the same split.
 * Comparing raw nDCG across nights cannot tell a worse model from a changed shop: nDCG moves with the data itself
 * (fewer ratings per user, another share held out), so an ordinary night of deletions would be refused.
 */
public final class QualityGate {

    private final boolean enabled;
    private final double minNdcg;
    private final boolean mustBeatPopularity;
    private final double maxRelativeDrop;

    public QualityGate(boolean enabled, double minNdcg, boolean mustBeatPopularity, double maxRelativeDrop) {
        this.enabled = enabled;
        this.minNdcg = minNdcg;
        this.mustBeatPopularity = mustBeatPopularity;
        this.maxRelativeDrop = maxRelativeDrop;
    }

    /**
     * @param evaluation tonight's model, most-popular and the last published configuration, on one split
     * @param lastPublishedRun the run whose configuration {@code evaluation.lastPublished()} is, for the reason text
     * @param override why a refusal may publish anyway (a one-shot override for this data), when one applies
     */
    public Verdict judge(HoldoutEvaluation evaluation, Long lastPublishedRun, Optional<String> override) {
        if (!enabled) {
            return new Verdict(Decision.SKIPPED, "quality gate disabled by configuration", true);
        }
        double ndcg = evaluation.model().ndcg();
        double popularityNdcg = evaluation.baselineNdcg();
        List<String> failures = new ArrayList<>();
        if (Double.isNaN(ndcg) || ndcg < minNdcg) {
            failures.add(String.format(Locale.ROOT, "nDCG %.4f is below the floor %.4f", ndcg, minNdcg));
        }
        if (mustBeatPopularity && !Double.isNaN(popularityNdcg) && !(ndcg > popularityNdcg)) {
            failures.add(String.format(Locale.ROOT, "nDCG %.4f does not beat %s's %.4f on the same split",
                    ndcg, evaluation.baseline().algorithm(), popularityNdcg));
        }
        if (evaluation.lastPublished() != null) {
            double previous = evaluation.lastPublished().ndcg();
            if (ndcg < previous * (1 - maxRelativeDrop)) {
                failures.add(String.format(Locale.ROOT,
                        "nDCG %.4f is more than %.0f%% below the %.4f of the last published configuration (run %s)"
                                + " on the same split", ndcg, maxRelativeDrop * 100, previous, lastPublishedRun));
            }
        }
        if (failures.isEmpty()) {
            return new Verdict(Decision.PASSED, String.format(Locale.ROOT, "nDCG %.4f passed every check", ndcg), true);
        }
        String reason = String.join("; ", failures);
        if (override.isPresent()) {
            return new Verdict(Decision.OVERRIDDEN, "publish forced by " + override.get() + " despite: " + reason,
                    true);
        }
        return new Verdict(Decision.REFUSED, reason, false);
    }

    public enum Decision { PASSED, REFUSED, OVERRIDDEN, SKIPPED }

    /** What the gate said, why, and whether the run may publish. */
    public record Verdict(Decision decision, String reason, boolean mayPublish) {
    }
}
