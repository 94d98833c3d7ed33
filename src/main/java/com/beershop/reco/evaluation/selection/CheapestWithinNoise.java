package com.beershop.reco.evaluation.selection;

import java.util.List;
import java.util.Locale;

/**
 * The one-standard-error rule of model selection (Breiman, Friedman, Olshen and Stone 1984; Hastie, Tibshirani and
 * Friedman, <i>The Elements of Statistical Learning</i>, 2nd ed., §7.10), with the cost model standing for
 * simplicity: among the candidates whose validation nDCG falls short of the best by no more than {@code margin}
 * standard errors, the cheapest. A model that costs five times the work must be better than the validation split
 * can tell apart from noise, or the cheaper one is published.
 *
 * <p>The shortfall is paired: per validation user, the best's nDCG minus the candidate's, on the same held-out
 * items. Two models that win and lose on different users show a wide spread and stay within noise; a candidate that
 * loses a little on most users shows a narrow one and does not.
 */
final class CheapestWithinNoise {

    /** An evaluated candidate: its position in the selection's order, its cost and each validation user's nDCG. */
    record Scored(int index, double units, double[] userNdcg) {
    }

    /**
     * How far a candidate falls short of the best.
     *
     * @param shortfall mean over the users both evaluated of (best's nDCG minus the candidate's)
     * @param standardError of that mean: the sample standard deviation of the differences over the root of the count
     * @param users how many users both evaluated
     */
    record Shortfall(double shortfall, double standardError, int users) {

        boolean within(double margin) {
            return shortfall <= margin * standardError;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.5f (standard error %.5f over %d users)", shortfall, standardError,
                    users);
        }
    }

    /** The chosen candidate and its shortfall against the best (zero when the best is chosen). */
    record Choice(Scored chosen, Shortfall shortfall) {
    }

    private final double margin;

    /** @param margin standard errors a cheaper candidate may fall short of the best by; 0: no rule, the best stays */
    CheapestWithinNoise(double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("the noise margin must be a finite number of standard errors, not"
                    + " negative, was " + margin);
        }
        this.margin = margin;
    }

    /**
     * @param evaluated every evaluated candidate, in the selection's order
     * @param best the one with the best validation nDCG, one of {@code evaluated}
     * @return the cheapest within the margin of the best (ties: the earlier); the best itself when the margin is 0
     */
    Choice choose(List<Scored> evaluated, Scored best) {
        Choice choice = new Choice(best, new Shortfall(0, 0, count(best.userNdcg())));
        if (margin == 0) {
            return choice;
        }
        for (Scored candidate : evaluated) {
            if (candidate.units() >= choice.chosen().units()) {
                continue;
            }
            Shortfall shortfall = shortfall(best.userNdcg(), candidate.userNdcg());
            if (shortfall.within(margin)) {
                choice = new Choice(candidate, shortfall);
            }
        }
        return choice;
    }

    /** Paired over the users both evaluated (NaN marks a user not evaluated). */
    static Shortfall shortfall(double[] best, double[] candidate) {
        int n = 0;
        double mean = 0;
        double squares = 0;
        // Welford's update: one pass, no cancellation when the differences are tiny against the values
        for (int u = 0; u < Math.min(best.length, candidate.length); u++) {
            if (Double.isNaN(best[u]) || Double.isNaN(candidate[u])) {
                continue;
            }
            double d = best[u] - candidate[u];
            n++;
            double delta = d - mean;
            mean += delta / n;
            squares += delta * (d - mean);
        }
        if (n < 2) {
            // no spread to measure: only a candidate no worse than the best is within
            return new Shortfall(n == 0 ? 0 : mean, 0, n);
        }
        return new Shortfall(mean, Math.sqrt(squares / (n - 1) / n), n);
    }

    private static int count(double[] userNdcg) {
        int n = 0;
        for (double v : userNdcg) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }
}
