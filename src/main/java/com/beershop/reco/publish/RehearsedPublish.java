package com.beershop.reco.publish;

import java.util.List;

/**
 * What the rehearsed publish did inside its transaction before rolling it back.
 *
 * @param result       the rows its DELETE removed and its INSERT wrote (now undone)
 * @param deleteMillis how long the DELETE ran
 * @param insertMillis how long the INSERT ... SELECT ran
 * @param lockMillis   from the start of the DELETE to the end of the rollback: how long the live table's rows
 *                     stayed locked (a real night holds them until its commit instead)
 * @param measures     one line per transaction measure: log written, version store used, or why not measurable
 */
public record RehearsedPublish(PublishResult result, long deleteMillis, long insertMillis, long lockMillis,
                               List<String> measures) {
}
