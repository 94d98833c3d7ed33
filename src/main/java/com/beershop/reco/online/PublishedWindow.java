package com.beershop.reco.online;

import java.time.LocalDateTime;

/**
 * The time one generation's lists were live, the last time it went live: from the end of the run (or republish)
 * that put it live to the end of the one that replaced it, or open while it is still live.
 *
 * @param topN the list length its run published
 */
public record PublishedWindow(long generation, LocalDateTime from, LocalDateTime to, int topN) {
}
