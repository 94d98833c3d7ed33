package com.beershop.reco.scoring;

/**
 * How varied the lists are by style: the mean number of distinct styles per list, and the share of lists where
 * one style fills more than half of the places (more than 5 of 10). Items without a style count as distinct.
 * Users with an empty list are left out.
 */
public record ListDiversity(double meanDistinctStyles, double crowdedListsShare, long lists) {

    public static ListDiversity of(RecommendationLists lists, int[] styleOfItem) {
        int[] perStyle = new int[maxStyle(styleOfItem) + 1];
        long counted = 0;
        long distinctSum = 0;
        long crowded = 0;
        for (int user = 0; user < lists.numUsers(); user++) {
            int count = lists.count(user);
            if (count == 0) {
                continue;
            }
            counted++;
            int distinct = 0;
            int most = 0;
            for (int rank = 0; rank < count; rank++) {
                int style = styleOfItem[lists.item(user, rank)];
                if (style < 0) {
                    distinct++;
                    most = Math.max(most, 1);
                } else {
                    if (perStyle[style]++ == 0) {
                        distinct++;
                    }
                    most = Math.max(most, perStyle[style]);
                }
            }
            for (int rank = 0; rank < count; rank++) {
                int style = styleOfItem[lists.item(user, rank)];
                if (style >= 0) {
                    perStyle[style] = 0;
                }
            }
            distinctSum += distinct;
            if (most * 2 > lists.n()) {
                crowded++;
            }
        }
        return counted == 0 ? new ListDiversity(Double.NaN, Double.NaN, 0)
                : new ListDiversity(distinctSum / (double) counted, crowded / (double) counted, counted);
    }

    private static int maxStyle(int[] styleOfItem) {
        int max = -1;
        for (int style : styleOfItem) {
            max = Math.max(max, style);
        }
        return max;
    }
}
