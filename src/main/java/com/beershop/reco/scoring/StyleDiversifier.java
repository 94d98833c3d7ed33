package com.beershop.reco.scoring;

/**
 * Re-ranks a user's best candidates so a list does not fill up with one style: maximal marginal relevance
 * (Carbonell and Goldstein 1998) with the product's style as the similarity. Greedily, each next place goes to the
 * candidate with the highest {@code (1 - weight) · relevance - weight · redundancy}, where relevance is
 * {@code 1 - position / poolSize} in the model's own order (positions, not raw scores, so one knob means the same
 * for every algorithm) and redundancy is 1 when the list already holds an item of that style, else 0.
 *
 * <p>{@code weight} 0 keeps the model's order; with a pool of P candidates a weight w lets a new style jump up
 * to about {@code w / (1 - w) · P} places. Deterministic: ties go to the candidate the model ranked higher.
 * Not thread-safe: one per thread.
 */
public final class StyleDiversifier {

    /** Candidates considered per list place: the pool is this many times N. */
    public static final int POOL_FACTOR = 3;

    private final int[] styleOfItem;
    private final double weight;
    private final boolean[] taken;
    private int[] styleSeen;
    private int stamp;

    /**
     * @param styleOfItem a style number per item (items without a style get distinct numbers or -1: never similar)
     * @param weight the knob, in [0, 1)
     */
    public StyleDiversifier(int[] styleOfItem, double weight, int maxPool) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("diversity weight must lie in [0, 1), was " + weight);
        }
        this.styleOfItem = styleOfItem.clone();
        this.weight = weight;
        this.taken = new boolean[maxPool];
        int styles = 0;
        for (int style : styleOfItem) {
            styles = Math.max(styles, style + 1);
        }
        this.styleSeen = new int[styles];
    }

    public double weight() {
        return weight;
    }

    /**
     * @param pool candidate items, best first (e.g. a {@link TopNSelector} of N · {@value #POOL_FACTOR})
     * @param poolSize how many of {@code pool} are valid
     * @param out receives up to {@code n} items
     * @return how many items were written
     */
    public int rerank(int[] pool, int poolSize, int n, int[] out) {
        int count = Math.min(n, poolSize);
        if (weight == 0) {
            System.arraycopy(pool, 0, out, 0, count);
            return count;
        }
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(styleSeen, 0);
            stamp = 1;
        }
        java.util.Arrays.fill(taken, 0, poolSize, false);
        for (int place = 0; place < count; place++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < poolSize; p++) {
                if (taken[p]) {
                    continue;
                }
                int style = styleOfItem[pool[p]];
                double redundancy = style >= 0 && styleSeen[style] == stamp ? 1 : 0;
                double value = (1 - weight) * (1 - p / (double) poolSize) - weight * redundancy;
                if (value > bestValue) {
                    best = p;
                    bestValue = value;
                }
            }
            taken[best] = true;
            out[place] = pool[best];
            int style = styleOfItem[pool[best]];
            if (style >= 0) {
                styleSeen[style] = stamp;
            }
        }
        return count;
    }
}
