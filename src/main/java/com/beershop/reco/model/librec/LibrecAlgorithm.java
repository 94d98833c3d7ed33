package com.beershop.reco.model.librec;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.InvalidAlgorithmSpecException;
import net.librec.recommender.AbstractRecommender;
import net.librec.recommender.baseline.MostPopularRecommender;
import net.librec.recommender.cf.ranking.BPRRecommender;
import net.librec.recommender.cf.ranking.EALSRecommender;
import net.librec.recommender.cf.ranking.WRMFRecommender;
import net.librec.recommender.cf.rating.BiasedMFRecommender;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The LibRec algorithms we offer, with the parameters each one accepts. Our parameter names (see
 * {@link LibrecTrainer}) are translated to LibRec's configuration keys here and nowhere else.
 */
enum LibrecAlgorithm {

    MOST_POPULAR("librec-mostpopular", MostPopularRecommender::new),
    BIASED_MF("librec-biasedmf", BiasedMFRecommender::new,
            Param.FACTORS, Param.ITERATIONS, Param.LEARN_RATE, Param.REG, Param.REG_USER, Param.REG_ITEM,
            Param.REG_BIAS),
    BPR("librec-bpr", BPRRecommender::new,
            Param.FACTORS, Param.ITERATIONS, Param.LEARN_RATE, Param.REG, Param.REG_USER, Param.REG_ITEM),
    EALS("librec-eals", EALSRecommender::new,
            Param.FACTORS, Param.ITERATIONS, Param.REG, Param.REG_USER, Param.REG_ITEM, Param.ALPHA,
            Param.EALS_RATIO, Param.EALS_OVERALL, Param.EALS_WRMF_JUDGE),
    WRMF("librec-wrmf", WRMFRecommender::new,
            Param.FACTORS, Param.ITERATIONS, Param.REG, Param.REG_USER, Param.REG_ITEM, Param.ALPHA);

    /**
     * One of our parameter names, the LibRec key it sets, and our default. Defaults equal LibRec's own except
     * factors (LibRec: 10) and iterations (LibRec: 100), which are sized for a nightly job.
     */
    enum Param {
        FACTORS("factors", "rec.factor.number", "32", 1),
        ITERATIONS("iterations", "rec.iterator.maximum", "20", 1),
        LEARN_RATE("learn-rate", "rec.iterator.learnrate", "0.01"),
        REG("reg", null, "0.01"),
        REG_USER("reg-user", "rec.user.regularization", null),
        REG_ITEM("reg-item", "rec.item.regularization", null),
        REG_BIAS("reg-bias", "rec.bias.regularization", "0.01"),
        ALPHA("alpha", "rec.wrmf.weight.coefficient", "4.0"),
        EALS_RATIO("eals-ratio", "rec.eals.ratio", "0.4"),
        EALS_OVERALL("eals-overall", "rec.eals.overall", "128"),
        /** 0: eALS popularity-weighted missing data, 1: WRMF-style weights, 2: both. */
        EALS_WRMF_JUDGE("eals-wrmf-judge", "rec.eals.wrmf.judge", "1", 0);

        final String name;
        final String librecKey;
        final String defaultValue;
        final boolean whole;
        final int minimum;

        Param(String name, String librecKey, String defaultValue) {
            this(name, librecKey, defaultValue, false, 0);
        }

        Param(String name, String librecKey, String defaultValue, int minimum) {
            this(name, librecKey, defaultValue, true, minimum);
        }

        Param(String name, String librecKey, String defaultValue, boolean whole, int minimum) {
            this.name = name;
            this.librecKey = librecKey;
            this.defaultValue = defaultValue;
            this.whole = whole;
            this.minimum = minimum;
        }
    }

    final String algorithmName;
    private final Supplier<AbstractRecommender> factory;
    private final Set<Param> params;

    LibrecAlgorithm(String algorithmName, Supplier<AbstractRecommender> factory, Param... params) {
        this.algorithmName = algorithmName;
        this.factory = factory;
        this.params = Set.of(params);
    }

    static LibrecAlgorithm byName(String name) {
        for (LibrecAlgorithm algorithm : values()) {
            if (algorithm.algorithmName.equals(name)) {
                return algorithm;
            }
        }
        return null;
    }

    static Set<String> names() {
        return Set.copyOf(Arrays.stream(values()).map(a -> a.algorithmName).toList());
    }

    Set<String> paramNames() {
        return Set.copyOf(params.stream().map(p -> p.name).toList());
    }

    boolean accepts(Param param) {
        return params.contains(param);
    }

    AbstractRecommender newRecommender() {
        return factory.get();
    }

    /** True when LibRec's predict is a plain dot product of user and item factors. */
    boolean isPureFactorModel() {
        return this == BPR || this == EALS || this == WRMF;
    }

    /**
     * Every parameter by our own name with the value a training will use, defaults included, for the run history:
     * whole numbers as {@code Integer}, the rest as {@code Double}.
     */
    Map<String, Object> effectiveParams(AlgorithmSpec spec) {
        Map<String, Object> effective = new LinkedHashMap<>();
        for (Param param : Param.values()) {
            if (accepts(param) && (param.defaultValue != null || spec.params().containsKey(param.name))) {
                effective.put(param.name, value(param, spec));
            }
        }
        return Collections.unmodifiableMap(effective);
    }

    /**
     * LibRec settings for our parameters: defaults filled in, {@code reg} spread to user and item unless
     * {@code reg-user} / {@code reg-item} say otherwise. Values are checked here, so a bad one fails when the job
     * is configured rather than inside LibRec.
     */
    Map<String, String> librecSettings(AlgorithmSpec spec) {
        spec.requireOnly(paramNames());
        Map<String, String> settings = new LinkedHashMap<>();
        for (Param param : params) {
            if (param.librecKey == null || param.defaultValue == null && !spec.params().containsKey(param.name)) {
                continue;
            }
            settings.put(param.librecKey, String.valueOf(value(param, spec)));
        }
        if (accepts(Param.REG)) {
            String reg = String.valueOf(value(Param.REG, spec));
            settings.putIfAbsent(Param.REG_USER.librecKey, reg);
            settings.putIfAbsent(Param.REG_ITEM.librecKey, reg);
        }
        return settings;
    }

    /** The parameter's value, checked: an {@code Integer} for a whole-number parameter, else a {@code Double}. */
    private static Number value(Param param, AlgorithmSpec spec) {
        if (param.whole) {
            int value = spec.intParam(param.name, Integer.parseInt(param.defaultValue));
            if (value < param.minimum) {
                throw new InvalidAlgorithmSpecException(
                        spec.name() + ": parameter " + param.name + "=" + value + " must be at least " + param.minimum);
            }
            return value;
        }
        double value = spec.doubleParam(param.name, param.defaultValue == null ? 0 : Double.parseDouble(param.defaultValue));
        if (!Double.isFinite(value)) {
            throw new InvalidAlgorithmSpecException(spec.name() + ": parameter " + param.name + " must be finite");
        }
        return value;
    }
}
