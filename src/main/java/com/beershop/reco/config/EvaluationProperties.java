package com.beershop.reco.config;

import com.beershop.reco.evaluation.RecentWindow;
import com.beershop.reco.evaluation.SplitKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Offline evaluation on a per-user hold-out.
 *
 * @param holdoutFraction share of each user's ratings held out for testing
 * @param candidates algorithm configurations the {@code evaluate} mode compares, each written as
 *                   {@code name} or {@code name:key=value,key=value}
 * @param seeds how many per-user splits {@code evaluate} also scores every candidate on (seeds
 *              {@code reco.model.seed}, +1, ...), printing each candidate's mean nDCG and its spread; 1: one split
 * @param split {@code random} (default): a random share of each user's ratings is held out; {@code time}: each
 *              user's latest ratings by {@code rated_at}; {@code recent}: a backtest of one night, a global cut
 *              {@code recent-window} days before the latest rating (judged on what users with a history rated
 *              after it), falling back to the random split, in one log line, when the ratings carry no times.
 *              It applies to the nightly gate as well as to {@code evaluate}.
 * @param recentWindow days before the latest rating where a recent split cuts
 * @param recentSpanShare where the window holds under 2 % or over half of the ratings, the recent split cuts
 *                        off this share of the time span instead
 * @param maxUsers the hold-out scores a seeded sample of about this many users when more have held-out ratings
 *                 (0: every user): at 50,000 users the nDCG's standard error is already about 0.001, and scoring
 *                 every user against every item grows with users x items
 */
@ConfigurationProperties("reco.evaluation")
public record EvaluationProperties(
        @DefaultValue("0.25") double holdoutFraction,
        @DefaultValue({"most-popular",
                "ials", "ials:alpha=2,reg=0.01", "ials:factors=8,reg=0.05,alpha=10", "ials:factors=16,alpha=2,reg=0.0125",
                "ials:factors=64,reg=0.015,alpha=10",
                "ease:lambda=100", "ease:lambda=300", "ease:lambda=1000",
                "librec-biasedmf", "librec-biasedmf:factors=8,reg=0.001",
                "librec-bpr", "librec-bpr:factors=8", "librec-bpr:learn-rate=0.005",
                "librec-eals:factors=4", "librec-eals:factors=8", "librec-eals:factors=8,alpha=5",
                "librec-wrmf:factors=8,reg=0.1", "librec-wrmf:factors=8,reg=1"})
        List<String> candidates,
        @DefaultValue("1") int seeds,
        @DefaultValue("random") SplitKind split,
        @DefaultValue("50000") int maxUsers,
        @DefaultValue("28") double recentWindow,
        @DefaultValue("0.1") double recentSpanShare) {

    public EvaluationProperties {
        if (holdoutFraction <= 0 || holdoutFraction >= 1) {
            throw new IllegalArgumentException("reco.evaluation.holdout-fraction must lie strictly between 0 and 1");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (maxUsers < 0) {
            throw new IllegalArgumentException("reco.evaluation.max-users must not be negative (0: every user)");
        }
        if (!(recentWindow > 0) || Double.isInfinite(recentWindow)) {
            throw new IllegalArgumentException("reco.evaluation.recent-window must be a positive number of days");
        }
        if (!(recentSpanShare > 0 && recentSpanShare < 1)) {
            throw new IllegalArgumentException("reco.evaluation.recent-span-share must lie strictly between 0 and 1");
        }
        if (seeds < 1 || seeds > 20) {
            throw new IllegalArgumentException("reco.evaluation.seeds must be in 1..20");
        }
    }

    /** Where a recent split cuts. */
    public RecentWindow recent() {
        return new RecentWindow(recentWindow, recentSpanShare);
    }
}
