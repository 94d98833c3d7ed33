package com.beershop.reco.scoring;

/**
 * The top-N item indexes of every user, best first, in one flat array ({@code n} slots per user) so millions of
 * rows cost a few megabytes and no objects.
 */
public final class RecommendationLists {

    private final int n;
    private final int[] items;
    private final int[] counts;
    private final boolean[] fromFallback;
    private long nonFiniteUsers;
    private long nonFiniteFallbackUsers;
    private ListDiversity diversity;
    private ModelAgreement agreement;

    RecommendationLists(int numUsers, int n) {
        this.n = n;
        this.items = new int[numUsers * n];
        this.counts = new int[numUsers];
        this.fromFallback = new boolean[numUsers];
    }

    public int numUsers() {
        return counts.length;
    }

    public int n() {
        return n;
    }

    /** How many items user {@code user} got (N, unless fewer than N unrated recommendable items exist). */
    public int count(int user) {
        return counts[user];
    }

    /** The item at {@code rank} (0-based) of the user's list. */
    public int item(int user, int rank) {
        return items[user * n + rank];
    }

    /**
     * True when the user had too few ratings for the model and got the popularity fallback (not when the model
     * scored the user and gave no finite score: see {@link #nonFiniteFallbackUsers()}).
     */
    public boolean isFallback(int user) {
        return fromFallback[user];
    }

    public long totalRows() {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    public long fallbackUsers() {
        long total = 0;
        for (boolean f : fromFallback) {
            if (f) {
                total++;
            }
        }
        return total;
    }

    /** Users for whom the model gave some NaN or infinite scores (left out of their lists). */
    public long nonFiniteUsers() {
        return nonFiniteUsers;
    }

    /** Users the model scored and gave no finite score at all: they got the popularity fallback instead. */
    public long nonFiniteFallbackUsers() {
        return nonFiniteFallbackUsers;
    }

    /** Users the model scored: all but those with too few ratings. The base of the non-finite share. */
    public long modelUsers() {
        return numUsers() - fallbackUsers();
    }

    /** Users whose list has at least one item. */
    public long usersServed() {
        long served = 0;
        for (int count : counts) {
            if (count > 0) {
                served++;
            }
        }
        return served;
    }

    /** How varied the lists are by style; null when they were scored without styles. */
    public ListDiversity diversity() {
        return diversity;
    }

    /** The published model's lists against the judged model's; null when no judged model was kept. */
    public ModelAgreement agreement() {
        return agreement;
    }

    void agreement(ModelAgreement measured) {
        agreement = measured;
    }

    void diversity(ListDiversity measured) {
        diversity = measured;
    }

    void nonFiniteUsers(long users, long gotFallback) {
        nonFiniteUsers = users;
        nonFiniteFallbackUsers = gotFallback;
    }

    int[] slots() {
        return items;
    }

    void set(int user, int count, boolean fallback) {
        counts[user] = count;
        fromFallback[user] = fallback;
    }
}
