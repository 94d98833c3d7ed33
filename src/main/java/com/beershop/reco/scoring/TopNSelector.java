package com.beershop.reco.scoring;

import com.beershop.reco.model.InteractionMatrix;

/**
 * Picks the N best items of one user from a full score vector, skipping items the user already rated and
 * items that may not be recommended, and never choosing a NaN or infinite score (a diverged model's). A bounded
 * min-heap on primitive arrays: no boxing per scored item, and for almost every item a comparison with the worst kept
 * score, with one branch for eight items ({@link ScoreScan}: on vectors where the JVM has the Vector API).
 * Ties break towards the lower item index so results are deterministic. Not thread-safe: one per thread.
 */
public final class TopNSelector {

    private static final float MINUS_INFINITY = Float.NEGATIVE_INFINITY;

    private final int n;
    private final ScoreScan scan;
    private final int[] heapItems;
    private final float[] heapScores;
    private int nonFinite;

    public TopNSelector(int n) {
        this(n, ScoreScan.fastest());
    }

    TopNSelector(int n, ScoreScan scan) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be at least 1, was " + n);
        }
        this.n = n;
        this.scan = scan;
        this.heapItems = new int[n];
        this.heapScores = new float[n];
    }

    /**
     * @param allowed items that may be recommended at all, or null for every item
     * @param seen the user's own ratings are excluded when {@code seen} is not null
     * @param out receives the chosen item indexes, best first
     * @return how many items were written to {@code out} (less than N when too few candidates exist)
     */
    public int select(float[] scores, boolean[] allowed, InteractionMatrix seen, int user, int[] out) {
        int size = 0;
        int item = 0;
        // fill the heap with the first N candidates
        nonFinite = 0;
        for (; item < scores.length && size < n; item++) {
            float score = scores[item];
            if (!Float.isFinite(score)) {
                nonFinite++;
                continue;
            }
            if (!candidate(item, allowed, seen, user)) {
                continue;
            }
            heapItems[size] = item;
            heapScores[size] = score;
            siftUp(size++);
        }
        // then most items fail one comparison with the worst kept score; only those that beat it pay for the
        // exclusion checks. The scan passes over blocks of eight that hold nothing to visit (ScoreScan), and each
        // block it stops at is visited item by item as the plain loop would. The worst kept score only rises, so a
        // block passed over with an earlier worst had nothing to visit either.
        float worst = size == n ? heapScores[0] : Float.NaN;
        while (true) {
            item = scan.nextBlock(scores, item, scores.length, worst);
            if (item + 7 >= scores.length) {
                break;
            }
            for (int end = item + 8; item < end; item++) {
                worst = visit(item, scores[item], worst, size, allowed, seen, user);
            }
        }
        for (; item < scores.length; item++) {
            worst = visit(item, scores[item], worst, size, allowed, seen, user);
        }
        // pop the heap from the worst: fill out from the back
        for (int last = size - 1; last >= 0; last--) {
            out[last] = heapItems[0];
            heapItems[0] = heapItems[last];
            heapScores[0] = heapScores[last];
            siftDown(0, last);
        }
        return size;
    }

    /**
     * One item after the heap is full: it replaces the worst kept item when it beats it and may be recommended.
     * Items come in ascending order, so an equal score never wins its tie: '>' is exact, and false for NaN.
     *
     * @return the worst kept score after it
     */
    private float visit(int item, float score, float worst, int size, boolean[] allowed, InteractionMatrix seen,
                        int user) {
        if (score > worst) {
            if (score == Float.POSITIVE_INFINITY) {
                nonFinite++;
            } else if (candidate(item, allowed, seen, user)) {
                heapItems[0] = item;
                heapScores[0] = score;
                siftDown(0, size);
                return heapScores[0];
            }
        } else if (score != score || score == MINUS_INFINITY) {
            nonFinite++; // NaN fails every comparison: count it here, on the path that costs one compare
        }
        return worst;
    }

    /** Sets what {@link #nonFiniteScores()} says for a list taken from a {@link FixedRanking} instead. */
    void nonFiniteMet(int count) {
        nonFinite = count;
    }

    /** How many NaN or infinite scores the last {@link #select} call met; none of them was chosen. */
    public int nonFiniteScores() {
        return nonFinite;
    }

    private static boolean candidate(int item, boolean[] allowed, InteractionMatrix seen, int user) {
        return (allowed == null || allowed[item]) && (seen == null || !seen.contains(user, item));
    }

    /** True when (s1, i1) ranks above (s2, i2). */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    // min-heap on "better": the root is the worst of the kept items
    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (better(heapScores[parent], heapItems[parent], heapScores[i], heapItems[i])) {
                swap(i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i, int size) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heapScores[worst], heapItems[worst], heapScores[right], heapItems[right])) {
                worst = right;
            }
            if (better(heapScores[i], heapItems[i], heapScores[worst], heapItems[worst])) {
                swap(i, worst);
                i = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int item = heapItems[a];
        heapItems[a] = heapItems[b];
        heapItems[b] = item;
        float score = heapScores[a];
        heapScores[a] = heapScores[b];
        heapScores[b] = score;
    }
}
