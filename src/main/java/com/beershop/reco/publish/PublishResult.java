package com.beershop.reco.publish;

/**
 * What the publish changed in the live table.
 *
 * @param rowsRemoved   yesterday's rows it deleted
 * @param rowsPublished rows now live
 * @param rowsKept      yesterday's rows it left as they were, because the run staged them alike (user, product and
 *                      rank); counted in {@code rowsPublished}. 0 after a full replace
 */
public record PublishResult(long runId, long rowsRemoved, long rowsPublished, long rowsKept) {

    /** The rows it wrote. */
    public long rowsInserted() {
        return rowsPublished - rowsKept;
    }

    /** The rows that were live before: the ones it replaced, whether deleted or kept. */
    public long rowsReplaced() {
        return rowsRemoved + rowsKept;
    }
}
