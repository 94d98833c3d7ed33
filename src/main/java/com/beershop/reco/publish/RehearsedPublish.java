package com.beershop.reco.publish;

import java.util.List;

/**
 * What the rehearsed publish did inside its transaction before rolling it back.
 *
 * @param result       the rows its DELETEs removed, its INSERTs wrote and it kept (now undone)
 * @param way          "changed rows only", or "full replace: " and why
 * @param deleteMillis how long the DELETEs ran
 * @param insertMillis how long the INSERT ... SELECTs ran
 * @param lockMillis   from the start of the first DELETE to the end of the rollback: how long the live table's rows
 *                     stayed locked (a real night holds them until its commit instead)
 * @param measures     one line per transaction measure: log written, version store used, or why not measurable
 */
public record RehearsedPublish(PublishResult result, String way, long deleteMillis, long insertMillis,
                               long lockMillis, List<String> measures) {
}
