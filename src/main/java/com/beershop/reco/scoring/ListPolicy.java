package com.beershop.reco.scoring;

/**
 * How one user's list is made from a model's scores, the same for the published lists and for every list the
 * gate and model selection judge: the best {@code topN} items, optionally re-ranked so one style does not fill it.
 *
 * @param topN list length (ranks 1..N)
 * @param diversityWeight the {@link StyleDiversifier} knob in [0, 1); 0 keeps the model's order
 * @param fallback what a user the model cannot serve gets instead
 */
public record ListPolicy(int topN, double diversityWeight, Fallback fallback) {

    /** Lists with the most-popular fallback. */
    public ListPolicy(int topN, double diversityWeight) {
        this(topN, diversityWeight, Fallback.MOST_POPULAR);
    }

    public ListPolicy {
        if (fallback == null) {
            throw new IllegalArgumentException("a list policy needs a fallback");
        }
        if (topN < 1) {
            throw new IllegalArgumentException("N must be at least 1, was " + topN);
        }
        if (!(diversityWeight >= 0 && diversityWeight < 1)) {
            throw new IllegalArgumentException("the diversity weight must lie in [0, 1), was " + diversityWeight);
        }
    }

    /** The best N by score alone. */
    public static ListPolicy topN(int n) {
        return new ListPolicy(n, 0);
    }

    public boolean diversifies() {
        return diversityWeight > 0;
    }

    /**
     * A picker for one thread.
     *
     * @param styleOfItem each item's style number (-1: none); may be null when the policy does not diversify
     */
    public ListPicker newPicker(int[] styleOfItem) {
        if (!diversifies()) {
            return new ListPicker(new TopNSelector(topN), null, topN);
        }
        if (styleOfItem == null) {
            throw new IllegalArgumentException("a style re-rank needs each item's style");
        }
        int pool = topN * StyleDiversifier.POOL_FACTOR;
        return new ListPicker(new TopNSelector(pool), new StyleDiversifier(styleOfItem, diversityWeight, pool), topN);
    }
}
