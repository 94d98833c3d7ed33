package com.beershop.reco.tracking;

import java.time.LocalDateTime;

/** How a run (or one evaluated candidate) ended. */
public record RunEnd(LocalDateTime endedAt, String outcome, String reason, Integer exitCode, boolean published) {
}
