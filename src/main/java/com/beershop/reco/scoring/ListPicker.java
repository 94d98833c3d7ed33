package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;

/**
 * Picks one user's list as its {@link ListPolicy} says: the top N by score, or the top N x
 * {@value StyleDiversifier#POOL_FACTOR} re-ranked by style down to N. Not thread-safe: one per thread.
 */
public final class ListPicker {

    private final TopNSelector selector;
    private final StyleDiversifier diversifier;
    private final int[] pool;
    private final int n;

    ListPicker(TopNSelector selector, StyleDiversifier diversifier, int n) {
        this.selector = selector;
        this.diversifier = diversifier;
        this.n = n;
        this.pool = diversifier == null ? null : new int[n * StyleDiversifier.POOL_FACTOR];
    }

    /**
     * @param allowed items that may be recommended at all, or null for every item
     * @param seen the user's own ratings are excluded when {@code seen} is not null
     * @param out receives up to N item indexes, best first
     * @return how many items were written
     */
    public int pick(float[] scores, boolean[] allowed, InteractionMatrix seen, int user, int[] out) {
        if (diversifier == null) {
            return selector.select(scores, allowed, seen, user, out);
        }
        int candidates = selector.select(scores, allowed, seen, user, pool);
        return diversifier.rerank(pool, candidates, n, out);
    }

    /**
     * The same list as {@link #pick} would make from the ranking's scores, taken from its sorted order: the first
     * candidates the user may get. The ranking holds no NaN or infinite score; those it left out count as met, as
     * {@link #pick(float[], boolean[], InteractionMatrix, int, int[])} counts them, so a caller falls back alike.
     */
    public int pick(FixedRanking ranking, boolean[] allowed, InteractionMatrix seen, int user, int[] out) {
        int[] target = diversifier == null ? out : pool;
        int wanted = diversifier == null ? n : pool.length;
        int count = 0;
        for (int item : ranking.order()) {
            if (count == wanted) {
                break;
            }
            if ((allowed == null || allowed[item]) && (seen == null || !seen.contains(user, item))) {
                target[count++] = item;
            }
        }
        selector.nonFiniteMet(ranking.nonFiniteScores());
        return diversifier == null ? count : diversifier.rerank(pool, count, n, out);
    }

    /** How many NaN or infinite scores the last {@link #pick} met; none of them was chosen. */
    public int nonFiniteScores() {
        return selector.nonFiniteScores();
    }
}
