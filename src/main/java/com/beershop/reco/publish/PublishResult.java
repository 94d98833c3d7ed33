package com.beershop.reco.publish;

/**
 * What the publish changed in the live table.
 *
 * @param rowsRemoved   yesterday's rows it deleted
 * @param rowsPublished rows now live
 * @param rowsKept      yesterday's rows it left as they were, because the run staged them alike (user, product and
 *                      rank); counted in {@code rowsPublished}. 0 after a full replace
 * @param listedUsers   the users with a list in what went live, when the run held every staged row in memory (see
 *                      {@link StagedLists}); null when it did not (a control arm staged rows of its own, a republish)
 */
public record PublishResult(long runId, long rowsRemoved, long rowsPublished, long rowsKept, Long listedUsers) {

    /** A publish of rows the run did not hold in memory: who had a list is not known here. */
    public PublishResult(long runId, long rowsRemoved, long rowsPublished, long rowsKept) {
        this(runId, rowsRemoved, rowsPublished, rowsKept, null);
    }

    /** The rows it wrote. */
    public long rowsInserted() {
        return rowsPublished - rowsKept;
    }

    /** The rows that were live before: the ones it replaced, whether deleted or kept. */
    public long rowsReplaced() {
        return rowsRemoved + rowsKept;
    }
}
