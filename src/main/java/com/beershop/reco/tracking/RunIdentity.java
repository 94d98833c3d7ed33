package com.beershop.reco.tracking;

import com.beershop.reco.model.AlgorithmSpec;

import java.time.LocalDateTime;

/** Which run a history row belongs to, and the configuration it ran with. */
public record RunIdentity(Long jobExecutionId, String runMode, LocalDateTime startedAt, String appVersion,
                          String gitCommit, AlgorithmSpec spec, long seed, int topN) {
}
