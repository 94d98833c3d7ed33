package com.beershop.reco.publish;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Compares the live table's rows, read one by one, with the rows a run staged, held in memory: which live rows stay
 * (equal in user, product and rank to a staged row), which go, and which staged rows are new. Ids are compared
 * exactly, as Java compares strings; a database that compares more loosely (a case-insensitive collation) then finds
 * a row changed that it would call equal, and the publish rewrites it: more writes, never a wrong table.
 *
 * <p>Some live tables cannot be changed row by row from here: a row held twice (a table without a key; deleting it
 * by its values would delete both), or a NULL in a user, product or rank (which no {@code =} matches). Then
 * {@code Diff.rowByRow} is false, and the publish replaces every row (a row held twice) or compares in SQL.
 */
final class LiveTableDiff {

    private final StagedLists staged;
    private final long[] firstRow;
    private final BitSet kept;
    private final int keepAtMost;
    private final List<Object[]> gone = new ArrayList<>();
    private long goneRows;
    private long liveRows;
    private long keptRows;
    private boolean heldTwice;
    private boolean nullKey;

    /**
     * @param keepAtMost how many gone rows to hold: beyond it the publish writes set-based anyway, and two million
     *                   rows as objects would cost hundreds of megabytes
     */
    LiveTableDiff(StagedLists staged, int keepAtMost) {
        this.staged = staged;
        this.keepAtMost = keepAtMost;
        this.firstRow = new long[staged.users() + 1];
        for (int user = 0; user < staged.users(); user++) {
            firstRow[user + 1] = firstRow[user] + staged.count(user);
        }
        if (firstRow[staged.users()] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more staged rows than one comparison holds: " + firstRow[staged.users()]);
        }
        this.kept = new BitSet((int) firstRow[staged.users()]);
    }

    /** One live row; a NULL column comes as null. */
    void accept(String userId, String productId, Integer rank) {
        liveRows++;
        if (userId == null || productId == null || rank == null) {
            nullKey = true;
            return;
        }
        int user = staged.userNumber(userId);
        if (user >= 0 && rank >= 1 && rank <= staged.count(user) && productId.equals(staged.productId(user, rank))) {
            int row = (int) (firstRow[user] + rank - 1);
            if (kept.get(row)) {
                heldTwice = true;
                return;
            }
            kept.set(row);
            keptRows++;
            return;
        }
        if (++goneRows <= keepAtMost) {
            gone.add(new Object[]{userId, productId, rank});
        }
    }

    Diff finish() {
        return new Diff(liveRows, keptRows, goneRows, firstRow[staged.users()] - keptRows, !heldTwice && !nullKey,
                heldTwice ? "holds a row twice" : nullKey ? "holds a NULL user, product or rank" : null);
    }

    /**
     * What the comparison found.
     *
     * @param goneRows how many live rows no staged row equals
     * @param newRows  how many staged rows are not live
     * @param rowByRow whether the changes can be written row by row; if not, {@code why} says why not
     */
    final class Diff {
        final long liveRows;
        final long keptRows;
        final long goneRows;
        final long newRows;
        final boolean rowByRow;
        final String why;

        private Diff(long liveRows, long keptRows, long goneRows, long newRows, boolean rowByRow, String why) {
            this.liveRows = liveRows;
            this.keptRows = keptRows;
            this.goneRows = goneRows;
            this.newRows = newRows;
            this.rowByRow = rowByRow;
            this.why = why;
        }

        boolean heldTwice() {
            return heldTwice;
        }

        /**
         * The live rows no staged row equals, as (user, product, rank), each to be deleted by its values; only
         * when there are no more than the constructor's {@code keepAtMost}.
         */
        List<Object[]> goneKeys() {
            if (goneRows > keepAtMost) {
                throw new IllegalStateException(goneRows + " rows are gone, more than the " + keepAtMost + " held");
            }
            return gone;
        }

        /**
         * The staged rows that are not live, as (user, product, rank), user by user: built when asked, which the
         * publish does only when there are few enough to insert row by row.
         */
        List<Object[]> newKeys() {
            List<Object[]> rows = new ArrayList<>((int) Math.min(newRows, Integer.MAX_VALUE));
            for (int user = 0; user < staged.users(); user++) {
                for (int rank = 1; rank <= staged.count(user); rank++) {
                    if (!kept.get((int) (firstRow[user] + rank - 1))) {
                        rows.add(new Object[]{staged.userId(user), staged.productId(user, rank), rank});
                    }
                }
            }
            return rows;
        }
    }
}
