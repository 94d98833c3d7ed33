package com.beershop.reco.online;

import java.time.LocalDateTime;

/**
 * The time one generation's lists were live, the last time it went live: from the end of the run (or republish)
 * that put it live to the end of the one that replaced it, or open while it is still live.
 *
 * @param topN        the list length its run published
 * @param listedUsers the users with a list in it, as the run that published it recorded them (migration V13); null
 *                    where it did not (control-arm rows, or an older version)
 */
public record PublishedWindow(long generation, LocalDateTime from, LocalDateTime to, int topN, Long listedUsers) {
}
