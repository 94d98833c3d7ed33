package com.beershop.reco.evaluation;

import java.util.BitSet;

/**
 * Top-N ranking metrics for one user, with binary relevance. {@code ranked} is the recommended list, best first
 * (only its first N entries count; it may be shorter than N); {@code relevant} is the set of the user's held-out
 * items in any order, without duplicates. An empty relevant set gives 0 for every metric.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Hits in the top N divided by N: a list shorter than N is not rewarded for being short. */
    public static double precision(int[] ranked, int[] relevant, int n) {
        return (double) hits(ranked, relevant, n) / n;
    }

    /** Hits in the top N divided by the number of relevant items. */
    public static double recall(int[] ranked, int[] relevant, int n) {
        return relevant.length == 0 ? 0 : (double) hits(ranked, relevant, n) / relevant.length;
    }

    /**
     * DCG with gain 1 per hit and discount 1 / log2(rank + 1), divided by the DCG of an ideal list that puts
     * min(|relevant|, N) hits at the top.
     */
    public static double ndcg(int[] ranked, int[] relevant, int n) {
        if (relevant.length == 0) {
            return 0;
        }
        double dcg = 0;
        int length = Math.min(ranked.length, n);
        for (int i = 0; i < length; i++) {
            if (contains(relevant, ranked[i])) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(relevant.length, n); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    /** Average precision at N: the sum of precision@rank over ranks that hit, divided by min(|relevant|, N). */
    public static double averagePrecision(int[] ranked, int[] relevant, int n) {
        if (relevant.length == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        int length = Math.min(ranked.length, n);
        for (int i = 0; i < length; i++) {
            if (contains(relevant, ranked[i])) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(relevant.length, n);
    }

    /** Distinct recommended items over the number of items that could have been recommended. */
    public static double coverage(BitSet recommended, int recommendableItems) {
        return recommendableItems == 0 ? 0 : (double) recommended.cardinality() / recommendableItems;
    }

    private static int hits(int[] ranked, int[] relevant, int n) {
        int hits = 0;
        int length = Math.min(ranked.length, n);
        for (int i = 0; i < length; i++) {
            if (contains(relevant, ranked[i])) {
                hits++;
            }
        }
        return hits;
    }

    // relevant sets are small (a user's held-out items), so a scan beats building a hash set per user
    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
