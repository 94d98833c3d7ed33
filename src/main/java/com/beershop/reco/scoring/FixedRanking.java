package com.beershop.reco.scoring;

import java.util.Arrays;

/**
 * One score vector shared by every user (most-popular, and the fallback for users with few ratings), sorted once:
 * best first, ties to the lower item index, NaN and infinite scores left out, exactly the order
 * {@link TopNSelector} would choose in. A user's list is then the first candidates of this order that the user may
 * get, found in about N + (their ratings) steps instead of a pass over every item.
 */
public final class FixedRanking {

    private final int[] order;
    private final int nonFinite;

    private FixedRanking(int[] order, int nonFinite) {
        this.order = order;
        this.nonFinite = nonFinite;
    }

    public static FixedRanking of(float[] scores) {
        long[] keys = new long[scores.length];
        int count = 0;
        for (int item = 0; item < scores.length; item++) {
            if (Float.isFinite(scores[item])) {
                // descending score, then ascending item: sort ascending on (flipped score bits, item)
                keys[count++] = ((long) descendingBits(scores[item]) << 32) | item;
            }
        }
        Arrays.sort(keys, 0, count);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) keys[i];
        }
        return new FixedRanking(order, scores.length - count);
    }

    /** How many NaN or infinite scores were left out: a shared model can diverge like any other. */
    int nonFiniteScores() {
        return nonFinite;
    }

    /** Items best first. Not copied: do not modify. */
    int[] order() {
        return order;
    }

    // a signed int that orders finite floats from the largest to the smallest (-0.0 and 0.0 as one)
    private static int descendingBits(float score) {
        int bits = Float.floatToIntBits(score == 0 ? 0f : score);
        int ascending = bits >= 0 ? bits : bits ^ 0x7FFF_FFFF;
        return ~ascending;
    }
}
