package com.beershop.reco.tracking;

import com.beershop.reco.outcome.RunOutcome;

import java.time.LocalDateTime;

/** How a run (or one evaluated candidate) ended. */
public record RunEnd(LocalDateTime endedAt, RunOutcome outcome, String reason, Integer exitCode, boolean published) {
}
