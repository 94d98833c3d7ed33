package com.beershop.reco.model.blend;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.model.Trainer;
import com.beershop.reco.model.popularity.RecentPopularTrainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Any algorithm blended with trending: a user's score for an item is the model's score scaled by the largest
 * magnitude among the user's scores, plus {@code trend-weight} times the item's recent popularity scaled by the
 * largest ({@link RecentPopularTrainer} with {@code trend-half-life}). A collaborative model knows what goes with
 * what a customer rated; trending knows what the shop is drinking this month. Configured as two more parameters of
 * any algorithm ({@code ease:lambda=300,trend-weight=1}), so model selection can weigh them like any other.
 */
public final class TrendBlendTrainer implements Trainer {

    public static final String WEIGHT = "trend-weight";
    public static final String HALF_LIFE = "trend-half-life";
    private static final double DEFAULT_HALF_LIFE_DAYS = 14;

    private final Trainer base;
    private final double weight;
    private final RecentPopularTrainer trending;

    private TrendBlendTrainer(Trainer base, double weight, double halfLifeDays) {
        this.base = base;
        this.weight = weight;
        this.trending = new RecentPopularTrainer(halfLifeDays, 0);
    }

    /**
     * The trainer {@code spec} names: through {@code factory} from the spec without the trend parameters, blended
     * when {@code trend-weight} is above 0 (a weight of 0 is the plain model, the same model as without it).
     */
    public static Trainer create(AlgorithmSpec spec, Function<AlgorithmSpec, Trainer> factory) {
        if (!spec.params().containsKey(WEIGHT) && !spec.params().containsKey(HALF_LIFE)) {
            return factory.apply(spec);
        }
        Map<String, String> rest = new LinkedHashMap<>(spec.params());
        rest.remove(WEIGHT);
        rest.remove(HALF_LIFE);
        Trainer base = factory.apply(AlgorithmSpec.of(spec.name(), rest));
        double weight = spec.doubleParam(WEIGHT, 0);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new InvalidAlgorithmSpecException(spec.name() + ": " + WEIGHT + " must be 0 or more, was " + weight);
        }
        double halfLife = spec.doubleParam(HALF_LIFE, DEFAULT_HALF_LIFE_DAYS);
        TrendBlendTrainer blend = new TrendBlendTrainer(base, weight, halfLife); // checks the half-life
        return weight == 0 ? base : blend;
    }

    @Override
    public String algorithm() {
        return base.algorithm();
    }

    @Override
    public Map<String, Object> effectiveParams() {
        Map<String, Object> params = new LinkedHashMap<>(base.effectiveParams());
        params.put(WEIGHT, weight);
        params.put(HALF_LIFE, trending.effectiveParams().get("half-life"));
        return params;
    }

    @Override
    public TrainedModel train(InteractionMatrix ratings, long seed) {
        return blend(base.train(ratings, seed), ratings);
    }

    @Override
    public TrainedModel trainFrom(InteractionMatrix ratings, long seed, TrainedModel start) {
        TrainedModel baseStart = start instanceof Blended blended ? blended.base : start;
        return blend(base.trainFrom(ratings, seed, baseStart), ratings);
    }

    private TrainedModel blend(TrainedModel model, InteractionMatrix ratings) {
        float[] trend = new float[ratings.numItems()];
        trending.train(ratings, 0).scoreUser(0, trend);
        float max = 0;
        for (float score : trend) {
            max = Math.max(max, score);
        }
        float scale = max > 0 ? (float) (weight / max) : 0f;
        for (int item = 0; item < trend.length; item++) {
            trend[item] *= scale;
        }
        return new Blended(model, trend);
    }

    @Override
    public String toString() {
        return Trainer.describe(effectiveParams());
    }

    /** The base model's scores, scaled per user, plus the weighted trend. */
    private record Blended(TrainedModel base, float[] trend) implements TrainedModel {

        @Override
        public void scoreUser(int user, float[] scores) {
            base.scoreUser(user, scores);
            float largest = 0;
            for (float score : scores) {
                if (Float.isFinite(score)) {
                    largest = Math.max(largest, Math.abs(score));
                }
            }
            float scale = largest > 0 ? 1f / largest : 1f;
            for (int item = 0; item < trend.length; item++) {
                // a NaN stays NaN: the list maker leaves it out and counts it, as for the plain model
                scores[item] = scores[item] * scale + trend[item];
            }
        }

        @Override
        public boolean sameScoresForEveryUser() {
            return base.sameScoresForEveryUser();
        }
    }
}
