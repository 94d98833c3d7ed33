package com.beershop.reco.publish;

/**
 * Every row a run staged, held in memory by user: what the publish compares the live table with when it can, rather
 * than comparing the two tables in SQL (see {@link LiveTableDiff}).
 */
public interface StagedLists {

    /** Users, numbered 0..users()-1. */
    int users();

    /** The number of the user with this id, or -1 when the run staged no list for it. */
    int userNumber(String userId);

    String userId(int user);

    /** How many rows the user's list holds, ranks 1..count. */
    int count(int user);

    /** The product at {@code rank} (from 1) of the user's list. */
    String productId(int user, int rank);

    /** How many users have a list of at least one row. */
    default long listedUsers() {
        long listed = 0;
        for (int user = 0; user < users(); user++) {
            if (count(user) > 0) {
                listed++;
            }
        }
        return listed;
    }
}
