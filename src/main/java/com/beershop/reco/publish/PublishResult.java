package com.beershop.reco.publish;

/**
 * What the publish changed in the live table.
 *
 * @param rowsRemoved yesterday's rows it replaced
 * @param rowsPublished rows now live
 */
public record PublishResult(long runId, long rowsRemoved, long rowsPublished) {
}
