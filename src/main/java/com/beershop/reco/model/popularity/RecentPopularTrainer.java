package com.beershop.reco.model.popularity;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.RecencyDecay;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trending: every user gets the items rated most lately. Each rating counts {@code 2^(-age / half-life)}, its age
 * taken from the latest rating in the data (not the wall clock, so a backtest and a late run rank alike); with
 * {@code window} set, ratings older than the window count nothing. The strong baseline of sequential and
 * session-based evaluation (Ludewig and Jannach, "Evaluation of session-based recommendation algorithms", 2018:
 * recency-aware popularity is hard to beat when tastes follow releases and seasons), and what the gate must beat on
 * a recent split besides all-time popularity.
 *
 * <p>A rating of unknown time counts as the earliest known one (older than all of them); when no rating has a
 * time, each counts 1 and the ranking is most-popular's.
 */
public final class RecentPopularTrainer implements Trainer {

    public static final String NAME = "recent-popular";

    private final double halfLifeDays;
    private final double windowDays;

    /**
     * @param halfLifeDays a rating this many days older than the latest counts half as much
     * @param windowDays only ratings within this many days of the latest count; 0: no window
     */
    public RecentPopularTrainer(double halfLifeDays, double windowDays) {
        if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
            throw new InvalidAlgorithmSpecException(NAME + ": half-life must be a positive number of days, was "
                    + halfLifeDays);
        }
        if (!(windowDays >= 0) || Double.isInfinite(windowDays)) {
            throw new InvalidAlgorithmSpecException(NAME + ": window must be 0 (none) or a positive number of days, was "
                    + windowDays);
        }
        this.halfLifeDays = halfLifeDays;
        this.windowDays = windowDays;
    }

    /** {@code half-life} (days, default 14) and {@code window} (days, default 0: no window). */
    public static RecentPopularTrainer fromSpec(AlgorithmSpec spec) {
        spec.requireOnly(Set.of("half-life", "window"));
        return new RecentPopularTrainer(spec.doubleParam("half-life", 14), spec.doubleParam("window", 0));
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public Map<String, Object> effectiveParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("half-life", halfLifeDays);
        params.put("window", windowDays);
        return params;
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        RecencyDecay decay = RecencyDecay.of(ratings, halfLifeDays);
        double[] sums = new double[ratings.numItems()];
        for (int k = 0; k < ratings.numRatings(); k++) {
            int time = ratings.timeAt(k);
            if (windowDays == 0 || decay.within(time, windowDays)) {
                sums[ratings.itemAt(k)] += decay.at(time);
            }
        }
        return model(sums);
    }

    private static TrainedModel model(double[] sums) {
        float[] scores = new float[sums.length];
        for (int item = 0; item < sums.length; item++) {
            scores[item] = (float) sums[item];
        }
        return new ItemPopularityModel(scores);
    }

    @Override
    public String toString() {
        return Trainer.describe(effectiveParams());
    }
}
